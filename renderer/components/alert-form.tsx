// Create or edit a keyword alert (PROTOCOL §12): a name, keywords (comma-separated), and all the
// rooms the user may read or chosen ones.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../common/attention-protocol';
import { useChat, useChatClient } from '../app/chat-context';
import { selectRooms } from '../store/selectors';

function splitKeywords(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const keyword = part.trim();
    if (keyword) seen.add(keyword);
  }
  return [...seen];
}

export function AlertForm({ alert, onDone }: { alert: Alert | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const rooms = useChat(selectRooms);
  const headingId = useId();
  const [name, setName] = useState(alert?.name ?? '');
  const [keywords, setKeywords] = useState(alert?.keywords.join(', ') ?? '');
  const [allRooms, setAllRooms] = useState(alert ? alert.roomIds === null : true);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(alert?.roomIds ?? []));
  const [invalid, setInvalid] = useState(false);
  const readable = rooms.filter((room) => room.privacy === 'open' || room.isMember || room.canManage);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = splitKeywords(keywords);
    if (!name.trim() || list.length === 0) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const saved = await client.attention.saveAlert({
      ...(alert ? { id: alert.id } : {}),
      name: name.trim(),
      keywords: list,
      roomIds: allRooms ? null : [...chosen],
    });
    if (saved) onDone();
  };

  return (
    <form className="card stack-form" aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h3 id={headingId}>{alert ? t('alerts.editAlert', { name: alert.name }) : t('alerts.newAlert')}</h3>
      <label className="field">
        <span>{t('alerts.name')}</span>
        <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('alerts.keywords')}</span>
        <input type="text" value={keywords} onChange={(e) => setKeywords(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('alerts.scope')}</legend>
        <label className="check">
          <input type="radio" name="alert-scope" checked={allRooms} onChange={() => setAllRooms(true)} />
          {t('alerts.allRooms')}
        </label>
        <label className="check">
          <input type="radio" name="alert-scope" checked={!allRooms} onChange={() => setAllRooms(false)} />
          {t('alerts.chosenRooms')}
        </label>
        {!allRooms && (
          <ul className="list-plain room-choices">
            {readable.map((room) => (
              <li key={room.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen.has(room.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(room.id);
                      else next.delete(room.id);
                      setChosen(next);
                    }}
                  />
                  {room.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {invalid && <p className="error-text">{t('alerts.needKeywords')}</p>}
      <div className="invitation-actions">
        <button type="submit">{t('alerts.save')}</button>
        <button type="button" onClick={onDone}>
          {t('alerts.cancel')}
        </button>
      </div>
    </form>
  );
}

// An editable list of user names (members, managers, presenters): each name with its own
// "Remove" button, and a labelled text box that adds one or more names on Enter or "Add".
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  legend: string;
  addLabel: string;
  names: readonly string[];
  onChange: (names: string[]) => void;
  disabled?: boolean;
}

/** "ann, bob  carl" → ["ann", "bob", "carl"]. */
export function splitNames(text: string): string[] {
  return text.split(/[\s,;]+/).filter((name) => name !== '');
}

export function NameListField({ legend, addLabel, names, onChange, disabled = false }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const hintId = useId();

  const add = () => {
    const added = splitNames(draft).filter((name) => !names.includes(name));
    if (added.length > 0) onChange([...names, ...new Set(added)]);
    setDraft('');
  };

  // Enter adds the names instead of submitting the whole form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  return (
    <fieldset className="names" disabled={disabled}>
      <legend>{legend}</legend>
      {names.length === 0 ? (
        <p className="muted">{t('form.empty')}</p>
      ) : (
        <ul aria-label={legend}>
          {names.map((name) => (
            <li key={name}>
              <span>{name}</span>
              <button type="button" className="small" onClick={() => onChange(names.filter((other) => other !== name))}>
                {t('form.remove', { name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-row">
        <label>
          {addLabel}
          <input value={draft} aria-describedby={hintId} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
        </label>
        <button type="button" onClick={add} aria-label={addLabel}>
          {t('form.add')}
        </button>
      </div>
      <p id={hintId} className="muted">
        {t('form.addHint')}
      </p>
    </fieldset>
  );
}

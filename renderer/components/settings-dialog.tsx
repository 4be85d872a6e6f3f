// The "Settings" dialog (DESIGN §1b): radio group "Theme" (System, Light, Dark), select
// "Language" (English, Français), notification choices, the "Sessions" view and the password
// form. Every change applies at once and is remembered (client.attention.setPreferences → the
// platform's settings). A native modal <dialog>: Escape closes it, as does its "Close" button,
// and focus returns to the button that opened it.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import type { ThemeChoice } from '../platform/platform';
import { selectPreferences } from '../store/selectors';
import { PasswordForm } from './password-form';
import { SessionsView } from './sessions-view';

const THEMES: { value: ThemeChoice; key: 'settings.themeSystem' | 'settings.themeLight' | 'settings.themeDark' }[] = [
  { value: 'system', key: 'settings.themeSystem' },
  { value: 'light', key: 'settings.themeLight' },
  { value: 'dark', key: 'settings.themeDark' },
];

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useChatClient();
  const preferences = useChat(selectPreferences);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const themeId = useId();
  const languageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  // Closing fires the dialog's close event, which tells the shell (Escape goes the same way).
  const close = () => ref.current?.close();
  const language = preferences.language ?? (i18n.language === 'fr' ? 'fr' : 'en');

  return (
    <dialog ref={ref} className="modal" aria-labelledby={titleId} onClose={onClose}>
      <header className="modal-header">
        <h2 id={titleId}>{t('settings.title')}</h2>
        <button type="button" onClick={close}>
          {t('settings.close')}
        </button>
      </header>
      <div className="modal-body">
        <div role="radiogroup" aria-labelledby={themeId} className="fieldset">
          <p id={themeId} className="field-label">
            {t('settings.theme')}
          </p>
          {THEMES.map((theme) => (
            <label key={theme.value} className="check">
              <input
                type="radio"
                name="theme"
                value={theme.value}
                checked={preferences.theme === theme.value}
                onChange={() => void client.attention.setPreferences({ theme: theme.value })}
              />
              {t(theme.key)}
            </label>
          ))}
        </div>
        <label className="field" htmlFor={languageId}>
          <span>{t('settings.language')}</span>
          <select
            id={languageId}
            value={language}
            onChange={(event) => void client.attention.setPreferences({ language: event.target.value === 'fr' ? 'fr' : 'en' })}
          >
            {/* Each language is named in itself, whatever the current one. */}
            <option value="en" lang="en">
              English
            </option>
            <option value="fr" lang="fr">
              Français
            </option>
          </select>
        </label>
        <fieldset>
          <legend>{t('settings.notifications')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={preferences.notifyMentions}
              onChange={(event) => void client.attention.setPreferences({ notifyMentions: event.target.checked })}
            />
            {t('settings.notifyMentions')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={preferences.notifyAlerts}
              onChange={(event) => void client.attention.setPreferences({ notifyAlerts: event.target.checked })}
            />
            {t('settings.notifyAlerts')}
          </label>
        </fieldset>
        <SessionsView />
        <PasswordForm />
      </div>
    </dialog>
  );
}

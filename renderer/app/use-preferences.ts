// Applies the Settings choices the moment they change (DESIGN §1b): the theme pins
// data-theme on <html> (System removes it, so prefers-color-scheme decides through the tokens'
// light-dark()), and the language switches i18next and <html lang> — no reload.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { selectPreferences } from '../store/selectors';
import { useChat } from './chat-context';

export function usePreferences(): void {
  const { i18n } = useTranslation();
  const { theme, language } = useChat(selectPreferences);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  // Never chosen (null): main.tsx already started in the system's language; leave it.
  useEffect(() => {
    if (language === null || i18n.language === language) return;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
}

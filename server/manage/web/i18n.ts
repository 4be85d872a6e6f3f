// i18next for the room-management pages, with their own bundled English and French resources
// (namespace "manage"). The language follows the browser, falling back to English.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { fr } from './locales/fr';

export const MANAGE_NS = 'manage';

export function pickLanguage(preferred: readonly string[]): 'en' | 'fr' {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'fr') return base;
  }
  return 'en';
}

export function createManageI18n(language: 'en' | 'fr'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    ns: [MANAGE_NS],
    defaultNS: MANAGE_NS,
    resources: { en: { [MANAGE_NS]: en }, fr: { [MANAGE_NS]: fr } },
    // React escapes text itself.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

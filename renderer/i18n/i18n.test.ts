import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { createI18n, pickLanguage } from './index';

describe('i18n', () => {
  it('follows the browser, falling back to English', () => {
    expect(pickLanguage(['fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLanguage(['de'])).toBe('en');
  });

  it('has every English key in French, with the same interpolations', () => {
    for (const [section, strings] of Object.entries(en)) {
      for (const [key, english] of Object.entries(strings)) {
        const french = (fr as Record<string, Record<string, string>>)[section]?.[key];
        expect(french, `${section}.${key}`).toBeTypeOf('string');
        const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(vars(french!), `${section}.${key}`).toEqual(vars(english));
      }
    }
  });

  it('keeps the contract names in English and pluralises', () => {
    const t = createI18n('en').t;
    expect([t('signIn.server'), t('signIn.user'), t('signIn.password'), t('signIn.submit')]).toEqual([
      'Server',
      'User name',
      'Password',
      'Sign in',
    ]);
    expect(t('roster.count', { count: 1 })).toBe('1 participant');
    expect(t('roster.count', { count: 3 })).toBe('3 participants');
    expect(createI18n('fr').t('room.loadOlder')).toBe('Charger les messages précédents');
  });
});

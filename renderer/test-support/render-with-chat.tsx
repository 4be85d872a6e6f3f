// Renders UI under the same providers main.tsx sets up, around a test harness.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ChatProvider } from '../app/chat-context';
import { createI18n, type Language } from '../i18n';
import type { Harness } from './chat-harness';

export function renderWithChat(ui: ReactElement, harness: Harness, language: Language = 'en'): RenderResult {
  const i18n = createI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <ChatProvider value={{ store: harness.store, client: harness.client, platform: harness.platform }}>{ui}</ChatProvider>
    </I18nextProvider>,
  );
}

// Start-up: pick the host once, build the store and the bridge, reopen a stored session.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app';
import { ChatProvider } from './app/chat-context';
import { browserLanguages, createI18n, pickLanguage } from './i18n';
import { pickPlatform } from './platform';
import { connectSocketIo } from './store/chat-socket';
import { createChatStore } from './store/chat-store';
import { ChatClient } from './store/socket-bridge';
import './styles.css';

const platform = pickPlatform();
const store = createChatStore();
const client = new ChatClient({ store, platform, connect: connectSocketIo });
const language = pickLanguage(browserLanguages());
const i18n = createI18n(language);
document.documentElement.lang = language;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ChatProvider value={{ store, client, platform }}>
        <App />
      </ChatProvider>
    </I18nextProvider>
  </StrictMode>,
);
void client.start();

// Entry of the room-management pages. The handoff code is taken out of the address bar before
// anything renders (so it is never left in history or bookmarks) and redeemed exactly once —
// outside React, because StrictMode runs effects twice and a code only works once.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ManageApi } from './api-client';
import { App, type InitialSignIn } from './components/app';
import { createManageI18n, pickLanguage } from './i18n';
import { readHandoffQuery, saveSession } from './session';
import './styles.css';

const handoff = readHandoffQuery(window.location.pathname, window.location.search);
window.history.replaceState(null, '', handoff.cleanPath);

const api = new ManageApi(window.fetch.bind(window));
let initial: InitialSignIn = null;
if (handoff.code !== null) {
  // A link with a code is a fresh sign-in: whatever this tab held before no longer applies.
  saveSession(window.sessionStorage, null);
  initial = api.redeem(handoff.code);
}

// Same origin as the web client, so the client's Settings → Theme applies here too (the pages
// share its design tokens); "system" or nothing stored leaves prefers-color-scheme in charge.
try {
  const stored: unknown = JSON.parse(window.localStorage.getItem('pchat.settings') ?? '{}');
  const theme = typeof stored === 'object' && stored !== null ? (stored as { theme?: unknown }).theme : undefined;
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Unreadable settings: the system theme it is.
}

const i18n = createManageI18n(pickLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]));
document.documentElement.lang = i18n.language;

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App api={api} storage={window.sessionStorage} initialSignIn={initial} />
      </I18nextProvider>
    </StrictMode>,
  );
}

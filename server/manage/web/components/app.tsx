// The shell: who is signed in (sessionStorage only), which page is shown (from the address), and
// what happens when the server stops accepting the token (back to the sign-in form, with why).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '../../../../common/protocol';
import type { ApiResult, ManageApi, ManageError } from '../api-client';
import { pathFor, routeFromPath, type Route } from '../routes';
import { loadSession, saveSession, type ManageSession } from '../session';
import { PageLink } from './page-link';
import { RoomFormPage } from './room-form-page';
import { RoomsPage } from './rooms-page';
import { SignInPage } from './sign-in-page';

/** The redeem of a handoff code, started once by main.tsx, or null when there was no code. */
export type InitialSignIn = Promise<ApiResult<SessionResponse>> | null;

export function App({ api, storage, initialSignIn }: { api: ManageApi; storage: Storage; initialSignIn: InitialSignIn }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<ManageSession | null>(() => (initialSignIn ? null : loadSession(storage)));
  const [redeeming, setRedeeming] = useState(initialSignIn !== null);
  const [signInError, setSignInError] = useState<ManageError | null>(null);
  const [route, setRoute] = useState<Route>(() => routeFromPath(window.location.pathname));
  const [notice, setNotice] = useState<string | null>(null);

  const signedIn = useCallback(
    (next: ManageSession | null, error: ManageError | null = null) => {
      saveSession(storage, next);
      setSession(next);
      setSignInError(error);
    },
    [storage],
  );

  useEffect(() => {
    if (!initialSignIn) return;
    let live = true;
    void initialSignIn.then((result) => {
      if (!live) return;
      setRedeeming(false);
      if (result.ok) signedIn({ token: result.value.token, user: result.value.user });
      else signedIn(null, result.error);
    });
    return () => {
      live = false;
    };
  }, [initialSignIn, signedIn]);

  useEffect(() => {
    const onPop = () => {
      setRoute(routeFromPath(window.location.pathname));
      setNotice(null);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Route, message?: string) => {
    window.history.pushState(null, '', pathFor(next));
    setRoute(next);
    setNotice(message ?? null);
  }, []);

  const authed = useMemo(() => api.withToken(session?.token ?? null), [api, session]);
  const onUnauthorized = useCallback((error: ManageError) => signedIn(null, error), [signedIn]);

  const signOut = () => {
    void authed.signOut();
    signedIn(null);
  };

  if (redeeming) {
    return (
      <main className="page">
        <p role="status">{t('signIn.redeeming')}</p>
      </main>
    );
  }
  if (!session) {
    return <SignInPage api={api} error={signInError} onSignedIn={(value) => signedIn(value)} />;
  }
  const isAdmin = session.user.roles.includes('admin');
  return (
    <>
      <header className="top">
        <p className="brand">{t('app.title')}</p>
        <nav aria-label={t('app.nav')}>
          <PageLink to={{ page: 'rooms' }} onNavigate={navigate}>
            {t('app.myRooms')}
          </PageLink>
          <PageLink to={{ page: 'create' }} onNavigate={navigate}>
            {t('app.createRoom')}
          </PageLink>
        </nav>
        <p className="who">
          {t('app.signedInAs', { name: session.user.displayName })}{' '}
          <button type="button" onClick={signOut}>
            {t('app.signOut')}
          </button>
        </p>
      </header>
      {route.page === 'rooms' && <RoomsPage api={authed} onNavigate={navigate} onUnauthorized={onUnauthorized} />}
      {route.page === 'create' && (
        <RoomFormPage key="create" api={authed} isAdmin={isAdmin} onNavigate={navigate} onUnauthorized={onUnauthorized} />
      )}
      {route.page === 'edit' && (
        <RoomFormPage
          key={route.roomId}
          api={authed}
          roomId={route.roomId}
          isAdmin={isAdmin}
          notice={notice}
          onNavigate={navigate}
          onUnauthorized={onUnauthorized}
        />
      )}
    </>
  );
}

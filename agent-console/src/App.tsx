/** The console's root: the login screen, or the workbench once an agent is signed in. */
import { useCallback, useEffect, useState } from 'react';
import type { LoginResponse } from '@rvw/shared';
import { fetchMe } from './lib/api';
import { clearAuth, loadAuth, saveAuth } from './lib/auth-store';
import { errorCodeOf, isAuthLost } from './lib/errors';
import { Login } from './components/Login';
import { Workbench } from './components/Workbench';

/** Longest delay setTimeout handles (about 24.8 days); later expiries are left to the server. */
const MAX_TIMER_MS = 2_147_483_647;

/** The console application. */
export function App() {
  const [auth, setAuth] = useState<LoginResponse | null>(() => loadAuth(sessionStorage, Date.now()));
  // Why the agent is back at the login screen (an error code), if not by their own choice.
  const [signedOutCode, setSignedOutCode] = useState<string | null>(null);

  const signOut = useCallback((code: string | null) => {
    clearAuth(sessionStorage);
    setAuth(null);
    setSignedOutCode(code);
  }, []);

  const signIn = useCallback((next: LoginResponse) => {
    saveAuth(sessionStorage, next);
    setSignedOutCode(null);
    setAuth(next);
  }, []);

  const token = auth?.token;
  const expiresAt = auth?.expiresAt;

  // After a reload the saved token may have been revoked: ask the server who we are.
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    fetchMe(token).then(
      (agent) => {
        if (cancelled) return;
        setAuth((current) => {
          if (!current || current.token !== token) return current;
          const next = { ...current, agent };
          saveAuth(sessionStorage, next);
          return next;
        });
      },
      (err: unknown) => {
        // An unreachable server is not a reason to sign out: the socket keeps retrying.
        if (!cancelled && isAuthLost(errorCodeOf(err))) signOut('AUTH_MISSING');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, signOut]);

  useEffect(() => {
    if (!expiresAt) return;
    const delay = Date.parse(expiresAt) - Date.now();
    if (!Number.isFinite(delay) || delay > MAX_TIMER_MS) return;
    const timer = setTimeout(() => signOut('AUTH_MISSING'), Math.max(0, delay));
    return () => clearTimeout(timer);
  }, [expiresAt, signOut]);

  if (!auth) return <Login onSignedIn={signIn} initialErrorCode={signedOutCode} />;
  return <Workbench key={auth.token} auth={auth} onSignOut={signOut} />;
}

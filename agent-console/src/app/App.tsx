/** The console's root: the login screen, or the workbench once an agent is signed in. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Login } from '../auth/Login';
import { ConsoleApp } from './console-app';
import { Workbench } from './Workbench';

/** Creates the console's controller for the page's lifetime and renders its snapshot. */
export function App() {
  const [app] = useState(() => new ConsoleApp({ storage: sessionStorage }));
  useEffect(() => {
    app.start();
    // A closing or reloading page sends what the agent typed last (a gathered keystroke would be lost).
    const flush = () => app.cases.flushAll();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      app.stop();
    };
  }, [app]);
  const snapshot = useSyncExternalStore(app.subscribe, app.getSnapshot);

  if (!snapshot.auth) return <Login onSignedIn={app.signIn} initialErrorCode={snapshot.signedOutCode} />;
  return <Workbench key={snapshot.auth.token} app={app} snapshot={snapshot} agent={snapshot.auth.agent} />;
}

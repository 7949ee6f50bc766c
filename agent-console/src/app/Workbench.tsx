/**
 * What a signed-in agent sees: the queue, the call or (for admins) the administration pages under
 * one header. It renders the controller's snapshot and forwards the agent's actions to it.
 */
import { useState } from 'react';
import type { Agent } from '@rvw/shared';
import { Header, type Tab } from '../ui/Header';
import { Notices } from '../ui/Notices';
import { QueueView } from '../queue/QueueView';
import { useQueueAlerts } from '../queue/use-queue-alerts';
import { CallView } from '../call/CallView';
import { AdminView } from '../admin/AdminView';
import { CaseWorkspace } from '../case/CaseWorkspace';
import { useCaseStore } from '../case/use-case-store';
import type { ConsoleApp, ConsoleSnapshot } from './console-app';

/** Props of the workbench: the controller, its snapshot, and the signed-in agent. */
export interface WorkbenchProps {
  app: ConsoleApp;
  snapshot: ConsoleSnapshot;
  agent: Agent;
}

/** The signed-in page: header, notices, and the queue, call or admin view. */
export function Workbench({ app, snapshot, agent }: WorkbenchProps) {
  const [tab, setTab] = useState<Tab>('queue');
  const { work, call, ending } = snapshot;
  const token = snapshot.auth?.token ?? '';
  const isAdmin = agent.role === 'admin';
  const view = work.call ? 'call' : isAdmin && tab === 'admin' ? 'admin' : 'queue';
  useQueueAlerts(work.queue, work.offsetMs, Boolean(work.call));
  const cases = useCaseStore(app.cases);
  const sessionId = work.call?.opened.session.id ?? null;
  const openCases = cases.cases.filter(
    (c) => c.state.sessionId === sessionId && c.state.status === 'open',
  ).length;

  return (
    <div className="app">
      <Header
        agent={agent}
        connection={work.connection}
        waiting={work.queue.length}
        tab={view === 'admin' ? 'admin' : 'queue'}
        onTab={setTab}
        inCall={Boolean(work.call)}
        onLogout={app.signOut}
      />
      <Notices notices={work.notices} onDismiss={app.dismiss} />
      <main className="content">
        {view === 'call' && work.call ? (
          <CallView
            key={work.call.opened.session.id}
            call={work.call}
            media={call}
            offsetMs={work.offsetMs}
            ending={ending}
            elsewhere={snapshot.callElsewhere ?? false}
            onTakeOver={() => void app.takeOverCall()}
            onEnd={app.endCall}
            onMedia={app.setMedia}
            onReveal={app.reveal}
            openCases={openCases}
            entitlements={cases.entitlements[work.call.opened.session.ticketId]}
            workspace={
              <CaseWorkspace
                sessionId={work.call.opened.session.id}
                token={token}
                store={app.cases}
                cache={app.catalogue}
                paper={app.paper}
              />
            }
          />
        ) : view === 'admin' ? (
          <AdminView token={token} onFailure={app.failed} />
        ) : (
          <QueueView
            entries={work.queue}
            offsetMs={work.offsetMs}
            accepting={work.accepting}
            connected={work.connection === 'connected'}
            onAccept={app.accept}
            onAcceptNext={app.acceptNext}
          />
        )}
      </main>
    </div>
  );
}

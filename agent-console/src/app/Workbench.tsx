/**
 * What a signed-in agent sees: the queue, the call or (for admins) the administration pages under
 * one header with the agent's own status, and the offer prompt over them. It renders the
 * controller's snapshots and forwards the agent's actions to it.
 */
import { useState } from 'react';
import type { Agent } from '@rvw/shared';
import { Header, tabsOf, type Tab } from '../ui/Header';
import { Notices } from '../ui/Notices';
import { useStore } from '../ui/use-store';
import { QueueView } from '../queue/QueueView';
import { useQueueAlerts } from '../queue/use-queue-alerts';
import { placeOfKiosk } from '../queue/ticket-text';
import { CallView } from '../call/CallView';
import { AdminView } from '../admin/AdminView';
import { LiveView } from '../supervisor/live/LiveView';
import { FleetView } from '../fleet/FleetView';
import { AppointmentsTab } from '../appointments/AppointmentsTab';
import { CaseWorkspace } from '../case/CaseWorkspace';
import { useCaseStore } from '../case/use-case-store';
import { StatusControl } from '../status/StatusControl';
import { shownStatus } from '../status/status-rules';
import { OfferPrompt } from '../offers/OfferPrompt';
import { TransferButton } from '../transfer/TransferButton';
import { TransferDock } from '../transfer/TransferDock';
import { routingModeOf } from './centre-directory';
import type { ConsoleApp, ConsoleSnapshot } from './console-app';

/** Props of the workbench: the controller, its snapshot, and the signed-in agent. */
export interface WorkbenchProps {
  app: ConsoleApp;
  snapshot: ConsoleSnapshot;
  agent: Agent;
}

/** The signed-in page: header, notices, the offer prompt, and the queue, call or admin view. */
export function Workbench({ app, snapshot, agent }: WorkbenchProps) {
  const tabs = tabsOf(agent.role);
  const [tab, setTab] = useState<Tab>(tabs[0]!);
  const { work, call, ending } = snapshot;
  const token = snapshot.auth?.token ?? '';
  const technician = agent.role === 'technician';
  const view = work.call ? 'call' : tabs.includes(tab) ? tab : tabs[0]!;
  const cases = useCaseStore(app.cases);
  const status = useStore(app.routing.status);
  const offers = useStore(app.routing.offers);
  const centres = useStore(app.routing.centres);
  // In offer mode the prompt rings; the queue's own sound would ring over it (its count stays).
  const offerMode = routingModeOf(centres, agent.centreId) === 'offer';
  useQueueAlerts(work.queue, work.offsetMs, Boolean(work.call) || offerMode);
  const connected = work.connection === 'connected';
  const transfers = useStore(app.transfers);
  const centreName = (id: string) => centres.centres.get(id)?.name ?? id;
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
        tab={view === 'call' ? 'queue' : view}
        onTab={setTab}
        inCall={Boolean(work.call)}
        onLogout={app.signOut}
        status={
          technician ? undefined : (
            <StatusControl
              status={status}
              inCall={Boolean(work.call)}
              connected={connected}
              offsetMs={work.offsetMs}
              onChoose={(s) => void app.routing.status.choose(s)}
            />
          )
        }
      />
      <Notices notices={work.notices} onDismiss={app.dismiss} />
      {!work.call && (
        <OfferPrompt
          offers={offers}
          ownCentreId={agent.centreId}
          connected={connected}
          onAccept={() => void app.routing.offers.accept()}
          onDecline={() => void app.routing.offers.decline()}
        />
      )}
      <TransferDock
        snapshot={transfers}
        connected={connected}
        onAnswer={(accept) => void app.transfers.answer(accept)}
        onComplete={() => void app.transfers.complete()}
        onCancel={() => void app.transfers.cancel()}
        onDismiss={app.transfers.dismiss}
      />
      <main className="content">
        {view === 'call' && work.call ? (
          <CallView
            key={work.call.opened.session.id}
            call={work.call}
            media={call}
            offsetMs={work.offsetMs}
            ending={ending}
            elsewhere={snapshot.callElsewhere ?? false}
            kioskAway={snapshot.kioskAway ?? null}
            onTakeOver={() => void app.takeOverCall()}
            onEnd={app.endCall}
            onMedia={app.setMedia}
            onReveal={app.reveal}
            onFirstFrame={app.callFirstFrame}
            openCases={openCases}
            entitlements={cases.entitlements[work.call.opened.session.ticketId]}
            place={{
              place: work.call.place ?? placeOfKiosk(work.call.opened.session.kiosk, centres.centres),
              ownCentreId: agent.centreId,
            }}
            transfer={
              <TransferButton
                store={app.transfers}
                sessionId={work.call.opened.session.id}
                ownCentreId={agent.centreId}
                connected={connected}
                centreName={centreName}
              />
            }
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
        ) : view === 'appointments' ? (
          <AppointmentsTab token={token} agent={agent} onFailure={app.failed} />
        ) : view === 'live' ? (
          <LiveView store={app.live} />
        ) : view === 'fleet' ? (
          <FleetView
            store={app.fleet}
            centreName={centreName}
            onFailure={app.failed}
            administers={agent.role === 'admin'}
          />
        ) : view === 'admin' ? (
          <AdminView token={token} onFailure={app.failed} />
        ) : (
          <QueueView
            entries={work.queue}
            offsetMs={work.offsetMs}
            accepting={work.accepting}
            connected={connected}
            onAccept={app.accept}
            onAcceptNext={app.acceptNext}
            modeOf={(centreId) => routingModeOf(centres, centreId)}
            away={shownStatus(status.presence, false) === 'away'}
            ownCentreId={agent.centreId}
          />
        )}
      </main>
    </div>
  );
}

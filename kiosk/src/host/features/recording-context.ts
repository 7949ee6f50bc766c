/**
 * A host context for tests of one feature: the kiosk's configuration for a server and token, and
 * every bridge event and log line the feature produces, recorded in order (events with their time).
 */
import type { BridgeEventChannel } from '@rvw/shared';
import type { KioskConfig } from '../config';
import type { HostContext } from '../feature';

/** One recorded bridge event. */
export interface RecordedEvent {
  channel: BridgeEventChannel;
  event: unknown;
  /** Date.now() when it was emitted. */
  at: number;
}

/** The context to hand a feature, and what it emitted and logged. */
export interface RecordingContext {
  ctx: HostContext;
  events: RecordedEvent[];
  logs: string[];
}

/** A context for a kiosk with no reader, talking to `serverUrl` with `kioskToken` (HTTP timeout 1 s). */
export function recordingContext(serverUrl: string, kioskToken: string): RecordingContext {
  const config: KioskConfig = {
    serverUrl,
    kioskToken,
    locale: 'zh-CN',
    idcard: null,
    demo: false,
    demoSimControl: null,
    fullscreen: false,
  };
  const events: RecordedEvent[] = [];
  const logs: string[] = [];
  const log = (m: string) => void logs.push(m);
  const ctx: HostContext = {
    config,
    logger: { info: log, warn: log, error: log },
    emit: (channel, event) => void events.push({ channel, event, at: Date.now() }),
    now: () => new Date(),
    fetch,
    httpTimeoutMs: 1000,
  };
  return { ctx, events, logs };
}

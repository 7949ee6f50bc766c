/**
 * The kiosk's windows, one per display as configured (issue 9 #8): `planWindows` decides, this
 * opens, moves and closes windows to match its plan, now and whenever a display is added, removed
 * or changed. Every window has the same preload and talks to the same host; each reloads its own
 * view after a crash.
 */
import { screen } from 'electron';
import type { BrowserWindow } from 'electron';
import type { KioskView } from '@rvw/shared';
import type { KioskConfig } from '../host/config';
import { SINGLE_LAYOUT } from '../host/display-layout';
import type { KioskHost } from '../host/kiosk-host';
import { planWindows, type DisplayPlan, type PlannedDisplay } from './displays';
import { setupRecovery } from './recovery';
import { boundsOn, createKioskWindow, portableWindow, viewUrl } from './window';

/** Options of the kiosk's windows. */
export interface KioskWindowsOptions {
  config: Pick<KioskConfig, 'fullscreen' | 'display' | 'profile'>;
  preloadPath: string;
  host: Pick<KioskHost, 'handlers'>;
  /** Wait after a display event before re-planning (a plug-in fires several); default 1000 ms. */
  settleMs?: number;
  logger?: { info(m: string): void; warn(m: string): void };
}

interface OpenWindow {
  win: BrowserWindow;
  displayId: number;
  bounds: PlannedDisplay['bounds'];
}

const DISPLAY_EVENTS = ['display-added', 'display-removed', 'display-metrics-changed'] as const;

/** The open kiosk windows by view, kept to the plan for the connected displays. */
export class KioskWindows {
  private readonly open = new Map<KioskView, OpenWindow>();
  private fallback: string | null = null;
  private settle: ReturnType<typeof setTimeout> | null = null;
  private readonly onDisplayChange = (): void => {
    if (this.settle) clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.settle = null;
      this.apply();
    }, this.options.settleMs ?? 1000);
  };

  constructor(private readonly options: KioskWindowsOptions) {}

  /** Opens the planned windows and follows display changes; call once the app is ready. */
  start(): void {
    this.apply();
    for (const name of DISPLAY_EVENTS) screen.on(name as 'display-added', this.onDisplayChange);
  }

  /** Stops following display changes (the windows stay). */
  stop(): void {
    if (this.settle) clearTimeout(this.settle);
    for (const name of DISPLAY_EVENTS) screen.off(name as 'display-added', this.onDisplayChange);
  }

  /** Every open kiosk window (the IPC manager answers these and sends events to them). */
  all(): BrowserWindow[] {
    return [...this.open.values()].map((o) => o.win).filter((w) => !w.isDestroyed());
  }

  /** The view each open window shows. */
  views(): KioskView[] {
    return [...this.open.keys()];
  }

  /** The window the resident touches (`touch`, or `both` on one display), or null. */
  touchWindow(): BrowserWindow | null {
    const o = this.open.get('touch') ?? this.open.get('both');
    return o && !o.win.isDestroyed() ? o.win : null;
  }

  /** Makes the open windows match the plan for the displays connected now. */
  apply(): void {
    const plan = planWindows(
      this.options.config.display ?? SINGLE_LAYOUT,
      screen.getAllDisplays(),
      screen.getPrimaryDisplay().id,
    );
    this.report(plan);
    // New windows first: closing the last window would quit the app.
    for (const { view, display } of plan.windows) {
      const current = this.open.get(view);
      if (current && !current.win.isDestroyed()) this.place(current, display);
      else this.create(view, display);
    }
    for (const [view, { win }] of this.open) {
      if (plan.windows.some((w) => w.view === view)) continue;
      this.open.delete(view);
      if (!win.isDestroyed()) win.close();
    }
  }

  // Logged once when the dual layout falls back, and once when it comes back.
  private report(plan: DisplayPlan): void {
    const logger = this.options.logger ?? console;
    if (plan.fallback && !this.fallback) logger.warn(`kiosk: ${plan.fallback}`);
    else if (!plan.fallback && this.fallback) logger.info('kiosk: both displays are back; dual layout');
    this.fallback = plan.fallback;
  }

  private create(view: KioskView, display: PlannedDisplay): void {
    const { config, preloadPath, host, logger } = this.options;
    const win = createKioskWindow(config, preloadPath, view, { bounds: display.bounds });
    const entry: OpenWindow = { win, displayId: display.id, bounds: display.bounds };
    this.open.set(view, entry);
    win.on('closed', () => {
      if (this.open.get(view) === entry) this.open.delete(view);
    });
    setupRecovery(win, host, { url: viewUrl(view), wipe: view !== 'video', ...(logger ? { logger } : {}) });
  }

  // A window that stays but whose display moved or changed size; kiosk mode is left and re-entered
  // around the move, as a full-screen window does not follow setBounds to another display.
  private place(entry: OpenWindow, display: PlannedDisplay): void {
    const b = display.bounds;
    const same =
      entry.displayId === display.id &&
      entry.bounds.x === b.x &&
      entry.bounds.y === b.y &&
      entry.bounds.width === b.width &&
      entry.bounds.height === b.height;
    if (same) return;
    const { win } = entry;
    const fullscreen = this.options.config.fullscreen;
    if (fullscreen) win.setKiosk(false);
    win.setBounds(boundsOn(fullscreen, b));
    if (fullscreen) win.setKiosk(true);
    else if (portableWindow(this.options.config)) win.maximize();
    entry.displayId = display.id;
    entry.bounds = b;
  }
}

/** Opens one kiosk window per display as configured and keeps them so as displays come and go. */
export function setupWindows(options: KioskWindowsOptions): KioskWindows {
  const windows = new KioskWindows(options);
  windows.start();
  return windows;
}

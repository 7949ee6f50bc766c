/**
 * What a renderer page is (issue 9 #8): one of the kiosk's views, named by `?view=` (the Electron
 * main sets it per window), or, in a plain browser only, the dual-screen stand-in that shows the
 * video and touch views together (`/dual` or `?layout=dual`) for the demo and the tests.
 */
import { KIOSK_VIEW_PARAM, kioskViewFrom, type KioskView } from '@rvw/shared';
import type { LayoutPhase } from './layout';
import type { FlowState } from '../flow/machine';
import { inCall } from '../flow/machine';
import { showsCaseForm } from '../case/case-view';

/** The page to render. */
export type PageMode = { kind: 'dual-preview' } | { kind: 'view'; view: KioskView };

/**
 * The page for a location. The dual stand-in only where no preload bridge exists (a plain
 * browser): in Electron each display has its own window, and subframes get no bridge.
 */
export function pageModeOf(
  location: Pick<Location, 'pathname' | 'search'>,
  hasPreloadBridge: boolean,
): PageMode {
  const params = new URLSearchParams(location.search);
  const dual = params.get('layout') === 'dual' || /\/dual\/?$/.test(location.pathname);
  if (dual && !params.has(KIOSK_VIEW_PARAM) && !hasPreloadBridge) return { kind: 'dual-preview' };
  return { kind: 'view', view: kioskViewFrom(location.search) };
}

/**
 * The layout's phase for the flow: a call while a screen of the call shows (the controller runs
 * the call exactly then: the call, the form's review and its signature). A form, its review or
 * signature (or the entitlements) shown during the call is `call-form`, which gives the touch
 * region more room.
 */
export function layoutPhaseOf(
  flow: Pick<FlowState, 'screen' | 'review' | 'cases' | 'caseFocus' | 'entitlements'>,
): LayoutPhase {
  if (!inCall(flow.screen)) return 'journey';
  return showsCaseForm(flow) ? 'call-form' : 'call';
}

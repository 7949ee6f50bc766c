/**
 * What the kiosk says when the flow's screen or the paper layer changes. The paper layer is over
 * the screen, so a new paper view is said first; while a panel that needs an answer (an offer, the
 * capture, "take your paper") covers the screen, the screen's own changes wait, and when the panel
 * closes the screen is said again. The small "printing" banner covers nothing: the screen goes on
 * being spoken under it.
 */
import type { Locale } from '@rvw/shared';
import type { FlowState } from '../flow/machine';
import { asSentences, speechKey, spokenText } from '../speech-text';
import type { PaperView } from './paper-model';
import { paperSpokenParts } from './paper-text';

/** What was last said, as keys: the screen's and the paper layer's ('' for nothing on show). */
export interface SpokenKeys {
  flow: string;
  paper: string;
}

/** Nothing said yet (also: "say it again" says everything on show). */
export const NOTHING_SPOKEN: SpokenKeys = { flow: '', paper: '' };

/** True for the banner that does not cover the screen (a job queued or printing). */
export function isBanner(view: PaperView): boolean {
  return (
    view.kind === 'print-status' && (view.entry.job.state === 'queued' || view.entry.job.state === 'printing')
  );
}

/**
 * The text to announce now (null: nothing new to say; '' still announces, as the flow's screens
 * expect) and the keys to remember.
 */
export function chooseSpeech(
  last: SpokenKeys,
  flow: FlowState,
  paper: PaperView,
  locale: Locale,
): { keys: SpokenKeys; text: string | null } {
  const paperParts = paperSpokenParts(paper, locale);
  const keys = {
    flow: speechKey(flow, locale),
    paper: paperParts.length ? `${locale}|${asSentences(paperParts, locale)}` : '',
  };
  const flowChanged = keys.flow !== last.flow;
  const paperChanged = keys.paper !== last.paper;
  const paperText = asSentences(paperParts, locale);
  if (paperChanged && keys.paper) {
    // A banner appearing with a new screen: both, the banner first.
    const both = flowChanged && isBanner(paper) && spokenText(flow, locale);
    return { keys, text: both ? asSentences([paperText, spokenText(flow, locale)], locale) : paperText };
  }
  // A panel closing gives the screen back: it is said again.
  if (paperChanged || (flowChanged && (!keys.paper || isBanner(paper))))
    return { keys, text: spokenText(flow, locale) };
  // The screen changed under a panel: said when the panel closes.
  return { keys: flowChanged ? { ...keys, flow: last.flow } : keys, text: null };
}

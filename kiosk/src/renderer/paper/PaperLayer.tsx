/**
 * The paper layer (issue 10): over the touch region, never over the call's video. It shows one
 * thing at a time from the paper controller's snapshot: a capture, a print question, a finished
 * job's panel, or the small "printing" banner (which leaves the screen under it usable).
 */
import type { CSSProperties } from 'react';
import type { Locale } from '@rvw/shared';
import type { Tr } from '../i18n';
import type { PaperController, PaperSnapshot } from './paper-controller';
import { CaptureView } from './CaptureViews';
import { isBanner } from './paper-speech';
import { PrintOffer, PrintStatus } from './PrintViews';
import './paper.css';

/** The taps the layer forwards (the controller's methods). */
export type PaperActions = Pick<
  PaperController,
  'answerPrint' | 'dismissPrint' | 'answerCapture' | 'stopCapture' | 'takePhoto' | 'attachVideo'
>;

/** The snapshot, the taps, the words, and where the touch region is. */
export interface PaperLayerProps {
  paper: PaperSnapshot;
  actions: PaperActions;
  locale: Locale;
  tr: Tr;
  /** The touch region's place on the page (layout/); absent: the whole window under the top bar. */
  style?: CSSProperties;
}

/** Nothing, the banner, or a panel over the touch region. */
export function PaperLayer({ paper, actions, locale, tr, style }: PaperLayerProps) {
  const { view } = paper;
  if (view.kind === 'none') return null;
  const ready = !paper.settling;
  const body = (() => {
    switch (view.kind) {
      case 'print-offer':
        return (
          <PrintOffer
            entry={view.entry}
            ready={ready}
            locale={locale}
            tr={tr}
            onAnswer={(accepted) => actions.answerPrint(view.entry.job.jobId, accepted)}
          />
        );
      case 'print-status':
        return (
          <PrintStatus
            entry={view.entry}
            ready={ready}
            locale={locale}
            tr={tr}
            onDismiss={() => actions.dismissPrint(view.entry.job.jobId)}
          />
        );
      case 'capture': {
        const { requestId } = view.capture.request;
        return (
          <CaptureView
            capture={view.capture}
            stream={paper.stream}
            ready={ready}
            locale={locale}
            tr={tr}
            onAnswer={(accepted) => actions.answerCapture(requestId, accepted)}
            onCapture={actions.takePhoto}
            onCancel={() => actions.stopCapture(requestId)}
            videoRef={actions.attachVideo}
          />
        );
      }
    }
  })();
  // The banner sits in the top bar, over the title: it hides nothing the resident needs.
  const banner = isBanner(view);
  return (
    <div
      className={banner ? 'paper-layer paper-layer-banner' : 'paper-layer'}
      style={banner ? undefined : style}
      data-testid="paper-layer"
    >
      {body}
    </div>
  );
}

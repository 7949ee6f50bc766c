/**
 * The paper screens' sentences, in one place: the screens show them, speech reads them, and the
 * consent texts sent to the ledger are exactly the question shown. Never the failure's real reason:
 * that is for the agent; the resident hears that staff will help.
 */
import type { Locale, MaterialRequest, PrintJob } from '@rvw/shared';
import { t } from '../i18n';
import type { CaptureEntry, PaperView } from './paper-model';

/** The document's title in the screen's language. */
export function documentTitle(job: Pick<PrintJob, 'title'>, locale: Locale): string {
  return (locale === 'en' ? job.title.en : job.title.zh).trim();
}

/** A receipt: "take your receipt" rather than its title. */
export function isReceipt(job: Pick<PrintJob, 'kind'>): boolean {
  return job.kind === 'receipt';
}

/** The print question; also the consent text sent with the answer. */
export function printOfferText(job: Pick<PrintJob, 'title'>, locale: Locale): string {
  return t(locale, 'print.offer', { title: documentTitle(job, locale) });
}

/** The capture question, as shown: what is asked, and where the photo goes. Sent as the consent text. */
export function captureAskLines(request: Pick<MaterialRequest, 'label'>, locale: Locale): string[] {
  return [t(locale, 'capture.ask', { label: request.label.trim() }), t(locale, 'capture.askNote')];
}

/** The consent text of a capture: the question's sentences as shown. */
export function captureConsentText(request: Pick<MaterialRequest, 'label'>, locale: Locale): string {
  return captureAskLines(request, locale).join(locale === 'en' ? ' ' : '');
}

/**
 * The sentences of a job's status panel, headline first: printing; take the paper and where it
 * comes out; or the calm failure sentence. Empty for states without a panel.
 */
export function printStatusLines(job: PrintJob, locale: Locale): string[] {
  switch (job.state) {
    case 'queued':
    case 'printing':
      return [t(locale, 'print.printing')];
    case 'done':
      return [
        isReceipt(job)
          ? t(locale, 'print.takeReceipt')
          : t(locale, 'print.takeDocument', { title: documentTitle(job, locale) }),
        t(locale, 'print.where'),
      ];
    // No printer on this machine (the door-to-door profile) is not a fault: say so plainly.
    case 'failed':
      return [t(locale, job.reason === 'no-printer' ? 'print.noPrinter' : 'print.failed')];
    default:
      return [];
  }
}

/** The capture screen's sentences for its phase, headline first. */
export function captureLines(capture: CaptureEntry, locale: Locale): string[] {
  const problem =
    capture.problem === 'send-failed'
      ? [t(locale, 'paper.sendFailed')]
      : capture.problem === 'upload-failed'
        ? [t(locale, 'capture.uploadFailed')]
        : [];
  switch (capture.phase) {
    case 'ask':
      return [...problem, ...captureAskLines(capture.request, locale)];
    case 'done':
      return [t(locale, 'capture.done')];
    case 'live':
      if (capture.problem === 'camera-failed') return [t(locale, 'capture.cameraFailed')];
      if (capture.sending) return [t(locale, 'capture.saving')];
      if (!capture.camera) return [t(locale, 'capture.opening')];
      return [...problem, t(locale, 'capture.place'), t(locale, 'capture.hint')];
  }
}

/** What the paper layer says aloud for its view: only sentences it shows. Empty: nothing on show. */
export function paperSpokenParts(view: PaperView, locale: Locale): string[] {
  switch (view.kind) {
    case 'none':
      return [];
    case 'capture':
      return captureLines(view.capture, locale);
    case 'print-offer':
      return [
        ...(view.entry.problem ? [t(locale, 'paper.sendFailed')] : []),
        printOfferText(view.entry.job, locale),
      ];
    case 'print-status':
      return printStatusLines(view.entry.job, locale);
  }
}

/**
 * The frame every paper question and result shares: a panel over the call with a big headline,
 * the lines under it and the answers, one big main button and a smaller other one.
 */
import type { ReactNode } from 'react';

/** One answer button. */
export interface PaperButton {
  testId: string;
  label: string;
  disabled: boolean;
  onClick: () => void;
}

/** The big main answer (the screen's main action) and the smaller other one, in that order. */
export function PaperAnswers({
  main,
  other,
  row,
}: {
  main?: PaperButton;
  other?: PaperButton;
  row?: boolean;
}) {
  return (
    <div className={row ? 'paper-actions paper-actions-row' : 'paper-actions'}>
      {main && (
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid={main.testId}
          data-main-action
          disabled={main.disabled}
          onClick={main.onClick}
        >
          {main.label}
        </button>
      )}
      {other && (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          data-testid={other.testId}
          disabled={other.disabled}
          onClick={other.onClick}
        >
          {other.label}
        </button>
      )}
    </div>
  );
}

/** What a paper dialog shows, top to bottom. */
export interface PaperDialogProps {
  /** The headline's element id, which names the dialog. */
  labelId: string;
  testId: string;
  /** data-state, where the view has one. */
  state?: string;
  /** aria-modal: the call behind takes no input. */
  modal?: boolean;
  /** A notice above everything (a failed send). */
  notice?: ReactNode;
  illustration?: ReactNode;
  headline: ReactNode;
  lines?: string[];
  main?: PaperButton;
  other?: PaperButton;
}

/** A paper question or result: an alert dialog named by its headline. */
export function PaperDialog(p: PaperDialogProps) {
  return (
    <section
      className="paper-panel"
      role="alertdialog"
      aria-modal={p.modal ? 'true' : undefined}
      aria-labelledby={p.labelId}
      data-testid={p.testId}
      data-state={p.state}
    >
      {p.notice && (
        <p className="notice" role="status">
          {p.notice}
        </p>
      )}
      {p.illustration}
      <h1 className="paper-question" id={p.labelId}>
        {p.headline}
      </h1>
      {p.lines?.map((line) => (
        <p className="lead" key={line}>
          {line}
        </p>
      ))}
      <PaperAnswers main={p.main} other={p.other} />
    </section>
  );
}

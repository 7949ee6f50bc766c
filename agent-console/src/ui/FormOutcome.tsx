/** The end of a console form: its submit button (disabled while busy), the refusal, and the success line. */
import type { ReactNode } from 'react';

/** Props: the form's test-id prefix, the button's two labels, the refusal in words and what was done. */
export interface FormOutcomeProps {
  /** Prefix of the test ids: `<testId>-submit`, `<testId>-error` (with data-code), `<testId>-done`. */
  testId: string;
  busy: boolean;
  submitLabel: string;
  /** The button's label while busy. */
  busyLabel: string;
  /** The refusal said in words; null when there is none. */
  problem: string | null;
  /** The refusal's code, on the error line as data-code. */
  code: string | null;
  /** The success line; null (the default) shows none. */
  done?: ReactNode;
}

/** The submit button, then a role=alert refusal and a role=status success line when there are any. */
export function FormOutcome({
  testId,
  busy,
  submitLabel,
  busyLabel,
  problem,
  code,
  done = null,
}: FormOutcomeProps) {
  return (
    <>
      <button type="submit" className="btn btn-primary" data-testid={`${testId}-submit`} disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
      {problem && (
        <p className="form-error" role="alert" data-testid={`${testId}-error`} data-code={code ?? undefined}>
          {problem}
        </p>
      )}
      {done !== null && done !== false && (
        <p className="form-ok" role="status" data-testid={`${testId}-done`}>
          {done}
        </p>
      )}
    </>
  );
}

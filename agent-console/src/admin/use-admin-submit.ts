/** The submit half of an admin form: a saving flag, and a failure turned into a sentence. */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';

/** What an admin form needs to submit. */
export interface AdminSubmit {
  /** True while an action runs (the submit button is disabled). */
  saving: boolean;
  /** The sentence to show for the last failure, or null. */
  problem: string | null;
  setProblem(problem: string | null): void;
  /** Runs `action`; a failure goes to `onFailure` (which signs out on a lost login) and becomes `problem`. */
  run(action: () => Promise<void>): Promise<void>;
}

/** The saving flag and failure sentence of the agent and kiosk panels' forms. */
export function useAdminSubmit(onFailure: (error: unknown) => string): AdminSubmit {
  const { err } = useI18n();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(action: () => Promise<void>): Promise<void> {
    setSaving(true);
    setProblem(null);
    try {
      await action();
    } catch (e) {
      setProblem(err(onFailure(e)));
    } finally {
      setSaving(false);
    }
  }

  return { saving, problem, setProblem, run };
}

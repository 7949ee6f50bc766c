/** The submit half of an admin form: a saving flag, and a failure turned into a sentence. */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { errorCodeOf, isAuthLost } from '../lib/errors';

/** What an admin form needs to submit. */
export interface AdminSubmit {
  /** True while an action runs (the submit button is disabled). */
  saving: boolean;
  /** The sentence to show for the last failure, or null. */
  problem: string | null;
  setProblem(problem: string | null): void;
  /** Runs `action`; a failure becomes `problem`, and a lost sign-in also goes to `onAuthLost`. */
  run(action: () => Promise<void>): Promise<void>;
}

/** Shared by the agent and kiosk panels. */
export function useAdminSubmit(onAuthLost: (code: string) => void): AdminSubmit {
  const { err } = useI18n();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(action: () => Promise<void>): Promise<void> {
    setSaving(true);
    setProblem(null);
    try {
      await action();
    } catch (e) {
      const code = errorCodeOf(e);
      if (isAuthLost(code)) onAuthLost(code);
      setProblem(err(code));
    } finally {
      setSaving(false);
    }
  }

  return { saving, problem, setProblem, run };
}

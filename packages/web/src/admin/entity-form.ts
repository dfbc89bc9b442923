import { useState } from 'react';
import { problemsOf, type FormProblems } from './admin-errors';

/**
 * The state every administration form shares: the problems of the last attempt (with a counter
 * that remounts the error summary, so each failed attempt takes the focus) and whether a save
 * is under way.
 */
export function useFormAttempt() {
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  return {
    problems,
    attempt,
    saving,
    /** Runs a save; problems are kept for the form, success clears them. */
    async run(save: () => Promise<void>): Promise<void> {
      if (saving) return;
      setSaving(true);
      try {
        await save();
        setProblems(null);
      } catch (error) {
        setProblems(problemsOf(error));
        setAttempt((count) => count + 1);
      } finally {
        setSaving(false);
      }
    },
  };
}

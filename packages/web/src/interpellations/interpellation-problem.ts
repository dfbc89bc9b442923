import { ApiRequestError } from '../api/api-error';

/** The problems the interpellation pages have words for (keys of `interpellations.errors`). */
export const PROBLEMS = [
  'subjectMissing',
  'subjectTooLong',
  'textMissing',
  'answerMissing',
  'fileEmpty',
  'fileTooLarge',
  'fileType',
  'alreadyAnswered',
  'staleVersion',
  'forbidden',
  'notACouncillor',
  'unexpected',
] as const;
export type Problem = (typeof PROBLEMS)[number];

/** A refusal as a problem and the field it belongs to (null for the form as a whole). */
export interface FieldProblem {
  readonly field: 'subject' | 'text' | 'answerText' | 'file' | null;
  readonly problem: Problem;
}

const TOO_LONG = /too_big|at most|too long/i;

/** What went wrong, from the API's error: the field it names and why. */
export function problemOf(error: unknown): FieldProblem {
  if (!(error instanceof ApiRequestError)) return { field: null, problem: 'unexpected' };
  switch (error.code) {
    case 'file_empty':
      return { field: 'file', problem: 'fileEmpty' };
    case 'file_too_large':
      return { field: 'file', problem: 'fileTooLarge' };
    case 'file_type_unsupported':
      return { field: 'file', problem: 'fileType' };
    case 'already_answered':
      return { field: 'file', problem: 'alreadyAnswered' };
    case 'stale_version':
      return { field: null, problem: 'staleVersion' };
    case 'forbidden':
      return { field: null, problem: 'forbidden' };
    case 'not_a_councillor':
      return { field: null, problem: 'notACouncillor' };
    case 'validation_failed': {
      const issue = error.issues[0];
      const field = issue?.field ?? error.field;
      const long = TOO_LONG.test(`${issue?.code ?? ''} ${issue?.message ?? error.message}`);
      if (field === 'subject') {
        return { field: 'subject', problem: long ? 'subjectTooLong' : 'subjectMissing' };
      }
      if (field === 'text') return { field: 'text', problem: 'textMissing' };
      if (field === 'answerText') return { field: 'answerText', problem: 'answerMissing' };
      return { field: null, problem: 'unexpected' };
    }
    default:
      return { field: null, problem: 'unexpected' };
  }
}

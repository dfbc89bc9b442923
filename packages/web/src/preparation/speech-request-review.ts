import { SPEECH_REQUEST_REASON_MAX } from '@veche/domain';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';

/** A rejection's reason as the server takes it, or why it does not. */
export type ReasonProblem = 'reasonMissing' | 'reasonTooLong';

/** The client's own check of a rejection's reason, the same as the protocol's: trimmed, 1 to 1000. */
export function reasonProblem(reason: string): ReasonProblem | null {
  const trimmed = reason.trim();
  if (trimmed === '') return 'reasonMissing';
  if (trimmed.length > SPEECH_REQUEST_REASON_MAX) return 'reasonTooLong';
  return null;
}

/** Refusals of a review with words of their own: `preparation.speechRequests.errors.<key>`. */
export type ReviewRefusalKey = ReasonProblem | 'notVerified' | 'alreadyReviewed' | 'notFound';

/**
 * A refused review as the section shows it: by the reason field (a problem with the reason), or
 * for the request as a whole; `reload` when the list the office sees is out of date.
 */
export type ReviewProblem =
  | { readonly field: 'reason'; readonly key: ReasonProblem; readonly reload: false }
  | { readonly field: null; readonly key: ReviewRefusalKey; readonly reload: boolean }
  | { readonly field: null; readonly general: ErrorMessageCode; readonly reload: false };

const TOO_LONG = /too[_ ]big|too long|at most/i;

/** What went wrong with a review, from the API's error. */
export function reviewProblemOf(error: unknown): ReviewProblem {
  if (!(error instanceof ApiRequestError)) {
    return { field: null, general: 'unexpected', reload: false };
  }
  switch (error.code) {
    case 'not_verified':
      return { field: null, key: 'notVerified', reload: true };
    case 'already_reviewed':
      return { field: null, key: 'alreadyReviewed', reload: true };
    case 'not_found':
      return { field: null, key: 'notFound', reload: true };
    case 'reason_required':
      return { field: 'reason', key: 'reasonMissing', reload: false };
    case 'invalid_input':
    case 'validation_failed': {
      const issue = error.issues.find((one) => one.field === 'reason');
      if (issue === undefined && error.field !== 'reason') break;
      const long = TOO_LONG.test(`${issue?.code ?? ''} ${issue?.message ?? error.message}`);
      return { field: 'reason', key: long ? 'reasonTooLong' : 'reasonMissing', reload: false };
    }
  }
  return { field: null, general: errorMessageCode(error), reload: false };
}

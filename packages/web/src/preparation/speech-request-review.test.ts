import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/api-error';
import { reasonProblem, reviewProblemOf } from './speech-request-review';

describe('the reason for a rejection, checked before it is sent', () => {
  it.each([
    ['', 'reasonMissing'],
    ['   \n ', 'reasonMissing'],
    ['Off the agenda item', null],
    [`  ${'x'.repeat(1000)}  `, null],
    ['x'.repeat(1001), 'reasonTooLong'],
  ])('%j: %s', (reason, problem) => {
    expect(reasonProblem(reason)).toBe(problem);
  });
});

describe('a refused review in words', () => {
  const refusal = (
    code: string,
    field?: string,
    issues: { field: string; code: string; message: string }[] = [],
    message = code,
  ) => new ApiRequestError(code === 'not_found' ? 404 : 409, code, message, field, issues);

  it('says an unverified or already decided request is not for deciding, and reloads the list', () => {
    expect(reviewProblemOf(refusal('not_verified'))).toEqual({
      field: null,
      key: 'notVerified',
      reload: true,
    });
    expect(reviewProblemOf(refusal('already_reviewed'))).toEqual({
      field: null,
      key: 'alreadyReviewed',
      reload: true,
    });
    expect(reviewProblemOf(refusal('not_found'))).toEqual({
      field: null,
      key: 'notFound',
      reload: true,
    });
  });

  it('puts a problem with the reason next to the reason', () => {
    expect(reviewProblemOf(refusal('invalid_input', 'reason'))).toEqual({
      field: 'reason',
      key: 'reasonMissing',
      reload: false,
    });
    expect(
      reviewProblemOf(
        refusal('validation_failed', 'reason', [
          { field: 'reason', code: 'too_big', message: 'Too big: expected <=1000 characters' },
        ]),
      ),
    ).toEqual({ field: 'reason', key: 'reasonTooLong', reload: false });
    expect(
      reviewProblemOf(refusal('invalid_input', 'reason', [], 'reason: at most 1000 characters')),
    ).toEqual({ field: 'reason', key: 'reasonTooLong', reload: false });
    expect(reviewProblemOf(refusal('reason_required', 'reason'))).toEqual({
      field: 'reason',
      key: 'reasonMissing',
      reload: false,
    });
  });

  it('gives anything else the app’s general words', () => {
    expect(reviewProblemOf(refusal('forbidden'))).toEqual({
      field: null,
      general: 'forbidden',
      reload: false,
    });
    expect(reviewProblemOf(refusal('validation_failed', 'decision'))).toEqual({
      field: null,
      general: 'validation_failed',
      reload: false,
    });
    expect(reviewProblemOf(new Error('boom'))).toEqual({
      field: null,
      general: 'unexpected',
      reload: false,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/api-error';
import {
  councilInterpellationsPath,
  matchRoute,
  myInterpellationsPath,
  publicInterpellationsPath,
} from '../routing/routes';
import { problemOf } from './interpellation-problem';

const COUNCIL = '0b7c3f4e-8d1a-4c2b-9e6f-1a2b3c4d5e6f';

describe('interpellation routes', () => {
  it('matches the paths it makes, and nothing that merely looks like one', () => {
    expect(matchRoute(myInterpellationsPath(COUNCIL))).toEqual({
      name: 'myInterpellations',
      councilId: COUNCIL,
    });
    expect(matchRoute(councilInterpellationsPath(COUNCIL))).toEqual({
      name: 'councilInterpellations',
      councilId: COUNCIL,
    });
    expect(matchRoute(publicInterpellationsPath(COUNCIL))).toEqual({
      name: 'publicInterpellations',
      councilId: COUNCIL,
    });
    expect(matchRoute(`/councils/${COUNCIL.toUpperCase()}/interpellations/`)).toEqual({
      name: 'councilInterpellations',
      councilId: COUNCIL,
    });
    expect(matchRoute('/councils/not-a-uuid/interpellations').name).toBe('notFound');
    expect(matchRoute(`/councils/${COUNCIL}/interpellations/other`).name).toBe('notFound');
  });
});

describe('interpellation problems', () => {
  const refusal = (code: string, field?: string, issueCode = 'too_small') =>
    new ApiRequestError(
      400,
      code,
      'refused',
      field,
      field ? [{ field, code: issueCode, message: '' }] : [],
    );

  it('names the field and the reason of each refusal', () => {
    expect(problemOf(refusal('validation_failed', 'subject', 'too_big'))).toEqual({
      field: 'subject',
      problem: 'subjectTooLong',
    });
    expect(problemOf(refusal('validation_failed', 'subject'))).toEqual({
      field: 'subject',
      problem: 'subjectMissing',
    });
    expect(problemOf(refusal('validation_failed', 'text'))).toEqual({
      field: 'text',
      problem: 'textMissing',
    });
    expect(problemOf(refusal('file_type_unsupported', 'file'))).toEqual({
      field: 'file',
      problem: 'fileType',
    });
    expect(problemOf(refusal('file_too_large', 'file'))).toEqual({
      field: 'file',
      problem: 'fileTooLarge',
    });
    expect(problemOf(refusal('stale_version', 'version'))).toEqual({
      field: null,
      problem: 'staleVersion',
    });
    expect(problemOf(new Error('boom'))).toEqual({ field: null, problem: 'unexpected' });
  });
});

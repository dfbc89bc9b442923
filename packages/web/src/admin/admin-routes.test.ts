import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/api-error';
import {
  councilAdminPath,
  matchRoute,
  memberImportPath,
  PLATFORM_COUNCILS_PATH,
} from '../routing/routes';
import { problemsOf } from './admin-errors';

const ID = '5f0c6b8e-3c1a-4d2b-9e4f-0a1b2c3d4e5f';

describe('administration addresses', () => {
  it('matches the paths it makes, and nothing with a malformed id', () => {
    expect(matchRoute(PLATFORM_COUNCILS_PATH)).toEqual({ name: 'platformCouncils' });
    expect(matchRoute(councilAdminPath(ID))).toEqual({ name: 'councilAdmin', councilId: ID });
    expect(matchRoute(memberImportPath(ID.toUpperCase()))).toEqual({
      name: 'memberImport',
      councilId: ID,
    });
    expect(matchRoute('/admin/councils/123')).toEqual({ name: 'notFound' });
    expect(matchRoute(`${councilAdminPath(ID)}/bodies`)).toEqual({ name: 'notFound' });
  });
});

describe('form problems from API errors', () => {
  it('puts each validation issue on its field, in words the page has', () => {
    const error = new ApiRequestError(400, 'validation_failed', 'x', 'name', [
      { field: 'name', code: 'too_small', message: '' },
      { field: 'statutorySize', code: 'too_small', message: '' },
      { field: 'timeZone', code: 'custom', message: '' },
      { field: 'term.endsOn', code: 'custom', message: '' },
      { field: 'kind', code: 'invalid_value', message: '' },
      { field: 'languages', code: 'too_small', message: '' },
    ]);
    expect(problemsOf(error)).toEqual({
      form: null,
      fields: {
        name: 'required',
        statutorySize: 'too_small',
        timeZone: 'timeZone',
        'term.endsOn': 'endsOn',
        kind: 'invalid',
        languages: 'languages',
      },
    });
  });

  it('puts a rule the server refused on the field it names, or on the form', () => {
    expect(problemsOf(new ApiRequestError(409, 'chair_taken', 'x', 'role'))).toEqual({
      form: null,
      fields: { role: 'chair_taken' },
    });
    expect(problemsOf(new ApiRequestError(409, 'stale_version', 'x'))).toEqual({
      form: 'stale_version',
      fields: {},
    });
    expect(problemsOf(new ApiRequestError(500, 'internal', 'x'))).toEqual({
      form: 'unexpected',
      fields: {},
    });
    expect(problemsOf(new Error('x'))).toEqual({ form: 'unexpected', fields: {} });
  });
});

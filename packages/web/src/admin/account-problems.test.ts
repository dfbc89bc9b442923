import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/api-error';
import { accountProblemsOf } from './account-problems';

describe('a refused invitation or deactivation', () => {
  it('puts the accounts’ own refusals next to their field, in the accounts’ words', () => {
    expect(
      accountProblemsOf(new ApiRequestError(409, 'email_taken', 'email: taken', 'email')),
    ).toEqual({ form: null, fields: { email: 'admin.accounts.errors.email_taken' } });
    expect(
      accountProblemsOf(new ApiRequestError(409, 'person_has_account', 'x', 'personId')),
    ).toEqual({ form: null, fields: { personId: 'admin.accounts.errors.person_has_account' } });
    expect(accountProblemsOf(new ApiRequestError(422, 'unknown_person', 'x', 'personId'))).toEqual({
      form: null,
      fields: { personId: 'admin.accounts.errors.unknown_person' },
    });
  });

  it('says a refusal of the whole attempt above the form', () => {
    expect(accountProblemsOf(new ApiRequestError(502, 'mail_failed', 'x'))).toEqual({
      form: 'admin.accounts.errors.mail_failed',
      fields: {},
    });
    expect(accountProblemsOf(new ApiRequestError(422, 'cannot_deactivate_self', 'x'))).toEqual({
      form: 'admin.accounts.errors.cannot_deactivate_self',
      fields: {},
    });
    expect(accountProblemsOf(new Error('boom'))).toEqual({
      form: 'admin.errors.unexpected',
      fields: {},
    });
  });

  it('names each invalid field, a role by the roles as a whole', () => {
    const error = new ApiRequestError(400, 'validation_failed', 'bad', undefined, [
      { field: 'displayName', code: 'too_small', message: '' },
      { field: 'roles.1', code: 'invalid_value', message: '' },
      { field: 'email', code: 'invalid_format', message: '' },
    ]);
    expect(accountProblemsOf(error)).toEqual({
      form: null,
      fields: {
        displayName: 'admin.fieldErrors.required',
        roles: 'admin.accounts.errors.roles',
        email: 'admin.fieldErrors.email',
      },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/api-error';
import { loginErrorsFrom, validateLogin } from './login-errors';

const values = { email: 'anna.nowak@wierzbow.example', password: 'wrong' };

describe('validateLogin', () => {
  it('asks for both fields when they are empty', () => {
    expect(validateLogin({ email: '', password: '' })).toEqual({
      ok: false,
      errors: { form: null, fields: { email: 'required', password: 'required' } },
    });
  });

  it('explains an e-mail address that is not one', () => {
    const result = validateLogin({ email: 'anna', password: 'x' });
    expect(result).toEqual({ ok: false, errors: { form: null, fields: { email: 'invalid' } } });
  });

  it('passes on the request the server expects, e-mail trimmed and lower-cased', () => {
    expect(validateLogin({ email: ' Anna.Nowak@Wierzbow.example ', password: 'x' })).toEqual({
      ok: true,
      request: { email: 'anna.nowak@wierzbow.example', password: 'x' },
    });
  });
});

describe('loginErrorsFrom', () => {
  it('shows one message for a wrong password and an unknown e-mail alike', () => {
    const error = new ApiRequestError(401, 'invalid_credentials', 'Invalid credentials');
    expect(loginErrorsFrom(error, values)).toEqual({ form: 'invalid_credentials', fields: {} });
  });

  it('shows rate limiting and network failures as form errors', () => {
    expect(loginErrorsFrom(new ApiRequestError(429, 'rate_limited', ''), values).form).toBe(
      'rate_limited',
    );
    expect(loginErrorsFrom(new ApiRequestError(0, 'network', ''), values).form).toBe('network');
  });

  it("puts the server's validation issues on their fields", () => {
    const error = new ApiRequestError(400, 'validation_failed', 'Invalid', undefined, [
      { field: 'email', code: 'invalid_format', message: 'Invalid email' },
      { field: 'password', code: 'too_big', message: 'Too long' },
    ]);
    expect(loginErrorsFrom(error, values)).toEqual({
      form: null,
      fields: { email: 'invalid', password: 'tooLong' },
    });
  });

  it('falls back to a form message for validation of fields the form does not have', () => {
    const error = new ApiRequestError(400, 'validation_failed', 'Invalid', undefined, [
      { field: 'totp', code: 'invalid', message: '' },
    ]);
    expect(loginErrorsFrom(error, values)).toEqual({ form: 'validation_failed', fields: {} });
  });

  it('gives codes it has no words for a generic message', () => {
    expect(loginErrorsFrom(new ApiRequestError(500, 'internal', ''), values).form).toBe(
      'unexpected',
    );
    expect(loginErrorsFrom(new Error('boom'), values).form).toBe('unexpected');
  });
});

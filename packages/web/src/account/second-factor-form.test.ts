import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/api-error';
import { checkCode, codeErrorsFrom, normalizeCode, recoveryCodesFile } from './second-factor-form';

describe('a second-factor code as typed', () => {
  it('drops the spaces of an app code, keeps a recovery code readable', () => {
    expect(normalizeCode(' 123 456 ', 'totp')).toBe('123456');
    expect(normalizeCode('123 456', 'any')).toBe('123456');
    expect(normalizeCode(' abcd efgh jkmn pqrs ', 'recovery')).toBe('abcd-efgh-jkmn-pqrs');
    expect(normalizeCode('ABCD-EFGH-JKMN-PQRS', 'any')).toBe('ABCD-EFGH-JKMN-PQRS');
  });

  it('is checked before it is sent, by kind', () => {
    expect(checkCode('', 'totp')).toEqual({ ok: false, problem: 'required' });
    expect(checkCode('   ', 'any')).toEqual({ ok: false, problem: 'required' });
    expect(checkCode('12345', 'totp')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkCode('12345a', 'totp')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkCode('123 456', 'totp')).toEqual({ ok: true, code: '123456' });
    expect(checkCode('abcd-efgh', 'recovery')).toEqual({ ok: false, problem: 'recoveryInvalid' });
    expect(checkCode('abcdefghjkmnpqrs', 'recovery')).toEqual({
      ok: true,
      code: 'abcdefghjkmnpqrs',
    });
    expect(checkCode('abcd-efgh-jkmn-pqrs', 'any')).toEqual({
      ok: true,
      code: 'abcd-efgh-jkmn-pqrs',
    });
    expect(checkCode('12<>34', 'any')).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('a refused code', () => {
  it('is the field’s problem, with the tries left when the server says', () => {
    const wrong = new ApiRequestError(401, 'code_invalid', 'x', 'code', [], { attemptsLeft: 3 });
    expect(codeErrorsFrom(wrong)).toEqual({ field: 'code_invalid', attemptsLeft: 3, form: null });
    const plain = new ApiRequestError(422, 'code_invalid', 'x', 'code');
    expect(codeErrorsFrom(plain).attemptsLeft).toBeNull();
    const malformed = new ApiRequestError(400, 'validation_failed', 'x', 'code');
    expect(codeErrorsFrom(malformed).field).toBe('invalid');
  });

  it('is the whole form’s problem otherwise, worded by the second factor or the app', () => {
    expect(codeErrorsFrom(new ApiRequestError(401, 'challenge_invalid', 'x')).form).toEqual({
      kind: 'secondFactor',
      code: 'challenge_invalid',
    });
    expect(codeErrorsFrom(new ApiRequestError(429, 'rate_limited', 'x')).form).toEqual({
      kind: 'app',
      code: 'rate_limited',
    });
    expect(codeErrorsFrom(new Error('boom')).form).toEqual({ kind: 'app', code: 'unexpected' });
  });
});

it('writes the recovery codes file one code a line', () => {
  expect(recoveryCodesFile('Title', 'Note', ['a', 'b'])).toBe('Title\n\na\nb\n\nNote\n');
});

import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './set-password-rules';

describe('the new password’s rules, checked before sending', () => {
  it('asks for both fields, the length the server takes, and the same text twice', () => {
    expect(checkNewPassword('', '')).toEqual({
      form: null,
      password: 'required',
      confirm: 'required',
    });
    expect(checkNewPassword('short', 'short')).toEqual({ form: null, password: 'tooShort' });
    expect(checkNewPassword('x'.repeat(257), 'x'.repeat(257))).toEqual({
      form: null,
      password: 'tooLong',
    });
    expect(checkNewPassword('twelve chars', 'twelve chars!')).toEqual({
      form: null,
      confirm: 'mismatch',
    });
    expect(checkNewPassword('twelve chars', 'twelve chars')).toBeNull();
    expect(checkNewPassword('x'.repeat(256), 'x'.repeat(256))).toBeNull();
  });
});

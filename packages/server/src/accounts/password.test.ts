import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

describe('passwords', () => {
  it('hashes with Argon2id at the OWASP minimum and verifies only the right password', async () => {
    const hash = await hashPassword('zażółć gęślą jaźń');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'zażółć gęślą jaźń')).toBe(true);
    expect(await verifyPassword(hash, 'zazolc gesla jazn')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('fails, without throwing, for an unknown user or a damaged hash', async () => {
    expect(await verifyPassword(undefined, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});

describe('session tokens', () => {
  it('are long, random and stored only as a hash', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(newSessionToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toContain(token);
  });
});

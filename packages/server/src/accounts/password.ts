import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id (the library's default algorithm; its enum is a const enum that isolated modules cannot
 * import) with the OWASP-recommended minimum: 19 MiB, 2 iterations, 1 lane. The hash string
 * records its own parameters, so they can be raised later without breaking stored hashes.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of a password nobody has, verified for unknown e-mails so both paths cost the same. */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(
  storedHash: string | undefined,
  password: string,
): Promise<boolean> {
  if (storedHash === undefined) {
    decoyHash ??= hashPassword('decoy password that never matches');
    await verify(await decoyHash, password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // A malformed stored hash is a failed login, not a server error.
  }
}

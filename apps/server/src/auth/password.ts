import { type Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const ARGON2ID_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

let decoyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash (unknown e-mail) it verifies against a decoy
 * so that both cases take the same time and give the same answer.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword('decoy password that never matches');
  const target = storedHash ?? (await decoyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && storedHash !== undefined;
}

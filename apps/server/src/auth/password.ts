import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with the OWASP 2024 minimum (m=19 MiB, t=2, p=1): strong enough, and fast enough
 * (~30 ms) that sign-in stays responsive on a 2-core server.
 */
const options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** At least 8 characters with both letters and digits: the rule the sign-up forms explain. */
export function isStrongPassword(password: string): boolean {
  return password.length >= 8 && password.length <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

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

/**
 * Passwords of 10 characters or more seen again and again in leaked lists (SecLists
 * 10-million-password top entries, and the Chinese favourites among them: keyboard rows, 5201314,
 * woaini, qq…), lower-cased. NIST SP 800-63B §5.1.1.2 asks for a check against such a list.
 */
const commonPasswords = new Set([
  '1234567890',
  '0987654321',
  '12345678910',
  '1234567891',
  '123456789a',
  'a123456789',
  'a1234567890',
  'abc1234567',
  'abcd123456',
  'abcde12345',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'zxcvbnm123',
  'asdfghjkl1',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'p@ssword123',
  'iloveyou12',
  'iloveyou123',
  'welcome123',
  'admin12345',
  'admin123456',
  'admin@1234',
  'admin@12345',
  'administrator',
  'root123456',
  'test123456',
  'user123456',
  'letmein123',
  'football123',
  'princess123',
  'woaini1314',
  'woaini520',
  'woaini123456',
  '5201314520',
  '5201314abc',
  '1314520520',
  'qq123456789',
  'qq1234567890',
  'aa123456789',
  'aa12345678',
  'aaa1234567',
  'a12345678910',
  'abc123456789',
  'abc12345678',
  'abcdefg123',
  'abcdef1234',
  '11111111aa',
  '1111111111',
  '0000000000',
  '1231231234',
  '123qweasdzxc',
  'qweasdzxc123',
  '1qazxsw23edc',
  'q1w2e3r4t5',
  'q1w2e3r4t5y6',
  'manyi12345',
  'manyi@2026',
  'wuye123456',
  'wuye@12345',
]);

/** At least 10 characters (and at most 128) with both letters and digits, and not a common password: the rule the forms explain. */
export function isStrongPassword(password: string): boolean {
  return password.length >= 10 && password.length <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password) && !commonPasswords.has(password.toLowerCase());
}

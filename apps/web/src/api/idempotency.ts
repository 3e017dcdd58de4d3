import { useState } from 'react';

/** 128 random bits as hex; getRandomValues works on plain-http intranet deployments, where crypto.randomUUID does not exist. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per submission: the same body sent again — a second tap, a retry after the
 * answer was lost on a weak phone connection — carries the same key, so the server makes one
 * ticket and replays it; a changed body is a new submission with a new key, and so is the next
 * one after a success.
 */
export function useSubmissionKey() {
  const [keys] = useState(() => {
    let last: { body: string; key: string } | null = null;
    return {
      keyFor(body: unknown): string {
        const text = JSON.stringify(body);
        if (last?.body !== text) last = { body: text, key: randomKey() };
        return last.key;
      },
      done() {
        last = null;
      },
    };
  });
  return keys;
}

import { HttpProblem } from './problem';

/**
 * Keyset cursors: the sort values of the last row, base64url-encoded JSON. Opaque to clients,
 * stable under inserts, and O(limit) per page however deep the client pages.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((value) => typeof value === 'string' || typeof value === 'number')) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw new HttpProblem(400, 'invalid_cursor');
}

/** Fetch limit + 1 rows; the extra row only says whether another page exists. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => (string | number)[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

import type { FastifyInstance } from 'fastify';
import { messageFor } from './messages';
import { HttpProblem } from './problem';

/** Half a surrogate pair: a high one not followed by a low one, or a low one not preceded by a high one (code units, no u flag). */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path to the first string (value or key) holding a NUL or a lone UTF-16 surrogate, or null. */
export function badCharacterPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') || loneSurrogate.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = badCharacterPath(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = badCharacterPath(key, [...path, key]) ?? badCharacterPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Before any schema runs: strings that PostgreSQL cannot store (NUL) or that are not text at all
 * (half a surrogate pair, which would be written as U+FFFD and silently change what was sent) are
 * refused with the field they are in; a PATCH that changes nothing is refused rather than written
 * as an empty update with an audit row.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['query', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const path = badCharacterPath(value);
      if (path) throw new HttpProblem(400, 'validation', undefined, [{ field: path.join('.') || part, messages: messageFor('bad_characters') }]);
    }
    const body = request.body;
    if (request.method === 'PATCH' && body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) {
      throw new HttpProblem(400, 'validation', undefined, [{ field: 'body', messages: messageFor('empty_patch') }]);
    }
  });
}

import pino from 'pino';

/**
 * What a failed statement carries besides the statement: Drizzle's `params` (and the "params: …"
 * line it appends to its message), PostgreSQL's `detail` ("Key (phone)=(139…) already exists") and
 * the values a constraint error quotes. Those are residents' names and phone numbers, which must not
 * end up in log files that operators copy around; the statement and the SQLSTATE are enough to debug.
 */
const secretKeys = new Set(['params', 'parameters', 'detail', 'where', 'internalQuery']);

function scrubText(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n {4}at |\ncaused by|$)/gi, '\nparams: [redacted]').replace(/(Key \([^)]*\)=)\([^)]*\)/g, '$1([redacted])');
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = secretKeys.has(key) ? '[redacted]' : scrub(item, depth + 1);
  return copy;
}

/** pino's error serializer, then without statement parameters; used for every `err` the server logs. */
export function serializeError(error: Error): unknown {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const cause = (error as { cause?: unknown }).cause;
  return scrub({ ...serialized, ...(cause instanceof Error && { cause: pino.stdSerializers.err(cause) }) });
}

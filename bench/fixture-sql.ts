/**
 * SQL fragments the large set-based fixtures (bench/analytics.ts, bench/scorecards.ts) share, so a company of
 * millions of rows is generated inside PostgreSQL (generate_series) rather than sent row by row.
 */

/** Deterministic ids so one row can name another by arithmetic: md5 of a tag and a number, as a valid version-4 UUID. */
export const idOf = (tag: string, expression: string) => `overlay(overlay(md5('${tag}' || ${expression}) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * A UUIDv7 of the given moment, as the app gives its records (uuidv7Sql, at the clock's moment instead): rows
 * generated in the order they happened get ids and time indexes that grow as a real company's do. Random ids
 * scattered 10,000,000 inserts over every index page and made generation take most of an hour.
 */
export const timeOrderedId = (moment: string) =>
  `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from ${moment}) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/** The nearest-rank percentile p (0–100) of ascending durations. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

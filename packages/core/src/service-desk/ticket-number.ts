/**
 * The readable ticket number of DESIGN §2: BX-20261123-0007. Staff and owners read it over the
 * phone, so it says what kind of ticket it is (pinyin initials, as Chinese property systems
 * customarily do: 报修 BaoXiu → BX) and the Shanghai date it was reported.
 *
 * The sequence is per project and local day and shared by all types, so the date and sequence
 * alone identify a ticket within its project; the database owns the counter (a unique
 * constraint on project, date and sequence), core only formats and parses.
 */
import { shanghaiDate } from './shanghai-time';
import { type TicketType } from './vocabulary';

export const ticketNumberPrefixes: Record<TicketType, string> = {
  repair: 'BX', // 报修
  complaint: 'TS', // 投诉
  inquiry: 'ZX', // 咨询
  suggestion: 'JY', // 建议
  praise: 'BY', // 表扬
  common_area: 'GQ', // 公区报事
};

/** The Shanghai date as yyyymmdd, the key of the daily sequence. */
export function ticketNumberDate(reportedAt: Date): string {
  return shanghaiDate(reportedAt).replaceAll('-', '');
}

/** Four digits cover 9,999 tickets per project per day; more simply widens the number. */
export function formatTicketNumber(type: TicketType, reportedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Ticket sequence must be a positive integer, got ${sequence}`);
  return `${ticketNumberPrefixes[type]}-${ticketNumberDate(reportedAt)}-${String(sequence).padStart(4, '0')}`;
}

export type ParsedTicketNumber = { type: TicketType; date: string; sequence: number };

const typeByPrefix = new Map(Object.entries(ticketNumberPrefixes).map(([type, prefix]) => [prefix, type as TicketType]));

/** Accepts what people type: lower case, spaces around, missing dashes ('bx202611230007'). */
export function parseTicketNumber(text: string): ParsedTicketNumber | null {
  const match = /^([A-Za-z]{2})-?(\d{8})-?(\d{4,})$/.exec(text.trim());
  if (!match) return null;
  const [, prefix = '', date = '', sequence = ''] = match;
  const type = typeByPrefix.get(prefix.toUpperCase());
  const isoDate = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
  const parsed = new Date(`${isoDate}T00:00:00Z`);
  if (!type || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== isoDate) return null;
  const number = Number(sequence);
  return number >= 1 ? { type, date, sequence: number } : null;
}

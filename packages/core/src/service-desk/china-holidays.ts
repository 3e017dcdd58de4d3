/**
 * Mainland China's public-holiday table: days off (放假) and the weekend days worked in exchange
 * (调休上班). The State Council publishes each year's schedule in November of the year before,
 * so a tenant's table must be extended every year; a calendar asked about a year it has no data
 * for simply treats that year as ordinary weekdays and weekends.
 *
 * A tenant may also add local days (a project's own closure) by building its own table.
 */
import { type Label } from '../organisation/vocabulary';
import { type LocalDate, addLocalDays } from './shanghai-time';

export type HolidayTable = {
  name: Label;
  /** Days off, including the weekend days that fall inside a holiday block. */
  holidays: readonly LocalDate[];
  /** Saturdays and Sundays that are working days (调休). */
  workdays: readonly LocalDate[];
};

function span(first: LocalDate, days: number): LocalDate[] {
  return Array.from({ length: days }, (_, index) => addLocalDays(first, index));
}

/** 国务院办公厅关于2025年部分节假日安排的通知 (published 2024-11-12). */
const holidays2025 = [
  ...span('2025-01-01', 1), // 元旦
  ...span('2025-01-28', 8), // 春节 1月28日至2月4日
  ...span('2025-04-04', 3), // 清明节
  ...span('2025-05-01', 5), // 劳动节
  ...span('2025-05-31', 3), // 端午节
  ...span('2025-10-01', 8), // 国庆节、中秋节 10月1日至8日
];
const workdays2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];

/** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, published by Xinhua). */
const holidays2026 = [
  ...span('2026-01-01', 3), // 元旦 1月1日至3日
  ...span('2026-02-15', 9), // 春节 2月15日(腊月二十八)至23日(正月初七)
  ...span('2026-04-04', 3), // 清明节
  ...span('2026-05-01', 5), // 劳动节
  ...span('2026-06-19', 3), // 端午节
  ...span('2026-09-25', 3), // 中秋节
  ...span('2026-10-01', 7), // 国庆节
];
const workdays2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

export const chinaHolidays: HolidayTable = {
  name: { 'zh-CN': '全国法定节假日(2025–2026)', 'en-US': 'Mainland China public holidays (2025–2026)' },
  holidays: [...holidays2025, ...holidays2026],
  workdays: [...workdays2025, ...workdays2026],
};

export const noHolidays: HolidayTable = {
  name: { 'zh-CN': '无节假日', 'en-US': 'No holidays' },
  holidays: [],
  workdays: [],
};

/** Joins the national table with a tenant's own additions; a later table wins on conflicts. */
export function combineHolidayTables(name: Label, ...tables: readonly HolidayTable[]): HolidayTable {
  const status = new Map<LocalDate, 'holiday' | 'workday'>();
  for (const table of tables) {
    for (const day of table.holidays) status.set(day, 'holiday');
    for (const day of table.workdays) status.set(day, 'workday');
  }
  const entries = [...status.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    name,
    holidays: entries.filter(([, kind]) => kind === 'holiday').map(([day]) => day),
    workdays: entries.filter(([, kind]) => kind === 'workday').map(([day]) => day),
  };
}

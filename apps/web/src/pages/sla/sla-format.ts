import type { TFunction } from 'i18next';
import type { SlaCalendar } from '../../api/sla';

/** A working day on the default calendar: 8:30–12:00 and 13:30–18:00 (@manyi/core defaultWorkingHours). */
const workingDayMinutes = 8 * 60;

/** "30 分钟", "4 小时", "1 个工作日", "3 天": a target as the people who keep it say it. */
export function formatTarget(minutes: number, calendar: SlaCalendar, t: TFunction): string {
  if (calendar === 'working_hours' && minutes >= workingDayMinutes && minutes % workingDayMinutes === 0)
    return t('sla.duration.workingDays', { count: minutes / workingDayMinutes });
  if (calendar === '24x7' && minutes >= 1440 && minutes % 1440 === 0) return t('sla.duration.days', { count: minutes / 1440 });
  if (minutes >= 60 && minutes % 60 === 0) return t(calendar === 'working_hours' ? 'sla.duration.workingHours' : 'sla.duration.hours', { count: minutes / 60 });
  return t('sla.duration.minutes', { count: minutes });
}

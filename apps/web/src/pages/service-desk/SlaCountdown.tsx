import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { finalStatuses, slaTargetKinds, type SlaState } from '@manyi/core';
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SlaClock, TicketSummary } from '../../api/ticket-types';
import { useVocabulary } from '../../i18n/vocabulary';
import { formatDateTime } from '../../shared/time';
import { slaColours } from './ticket-colours';

const minute = 60_000;

/** "1天3小时" / "1d 3h": two units are enough to judge urgency at a glance. */
export function formatDuration(milliseconds: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor(Math.abs(milliseconds) / minute));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return t('serviceDesk.sla.daysHours', { days, hours });
  if (hours > 0) return t('serviceDesk.sla.hoursMinutes', { hours, minutes: rest });
  return t('serviceDesk.sla.minutes', { minutes: rest });
}

/** The clock that matters now: the earliest target still running. */
export function runningClock(sla: SlaClock[]): SlaClock | null {
  const running = sla.filter((clock) => !clock.metAt).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return running[0] ?? null;
}

/** The server's state as of the last fetch, moved to "breached" as soon as the deadline passes on screen. */
export function liveState(clock: SlaClock, now: number): SlaState {
  if (clock.metAt) return clock.state;
  return new Date(clock.dueAt).getTime() <= now ? 'breached' : clock.state;
}

type SlaCountdownProps = { ticket: Pick<TicketSummary, 'sla' | 'status'>; now: number };

/** The queue's SLA cell: the running target, time left (or over), coloured by risk. */
export function SlaCountdown({ ticket, now }: SlaCountdownProps) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  if (finalStatuses.includes(ticket.status) || ticket.sla.length === 0) return <span data-testid="sla-countdown">—</span>;
  if (ticket.status === 'on_hold') {
    return (
      <Tag icon={<PauseCircleOutlined />} data-testid="sla-countdown" data-state="paused">
        {t('serviceDesk.sla.paused')}
      </Tag>
    );
  }
  const clock = runningClock(ticket.sla);
  if (!clock) {
    const late = ticket.sla.some((item) => item.state === 'breached');
    return (
      <Tag color={late ? 'red' : 'green'} data-testid="sla-countdown" data-state={late ? 'breached' : 'ok'}>
        {late ? t('serviceDesk.sla.metLate') : t('serviceDesk.sla.met')}
      </Tag>
    );
  }
  const state = liveState(clock, now);
  const left = new Date(clock.dueAt).getTime() - now;
  const text = left >= 0 ? t('serviceDesk.sla.left', { time: formatDuration(left, t) }) : t('serviceDesk.sla.over', { time: formatDuration(left, t) });
  return (
    <Tooltip title={`${label(slaTargetKinds, clock.target)} · ${formatDateTime(clock.dueAt)}`}>
      <Tag color={slaColours[state]} icon={<ClockCircleOutlined />} data-testid="sla-countdown" data-state={state} style={{ marginInlineEnd: 0 }}>
        {label(slaTargetKinds, clock.target)} {text}
      </Tag>
    </Tooltip>
  );
}

/** Every clock of one ticket as badges, for the detail header. */
export function SlaBadges({ sla, now }: { sla: SlaClock[]; now: number }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  return (
    <>
      {sla.map((clock) => {
        const state = liveState(clock, now);
        const left = new Date(clock.dueAt).getTime() - now;
        const detail = clock.metAt
          ? t('serviceDesk.sla.metAt', { time: formatDateTime(clock.metAt) })
          : left >= 0
            ? t('serviceDesk.sla.left', { time: formatDuration(left, t) })
            : t('serviceDesk.sla.over', { time: formatDuration(left, t) });
        return (
          <Tooltip key={clock.target} title={t('serviceDesk.sla.dueAt', { time: formatDateTime(clock.dueAt) })}>
            <Tag color={slaColours[state]} data-testid="sla-badge" data-state={state}>
              {label(slaTargetKinds, clock.target)} · {detail}
            </Tag>
          </Tooltip>
        );
      })}
    </>
  );
}

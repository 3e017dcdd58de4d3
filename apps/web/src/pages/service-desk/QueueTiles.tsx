import { Card, Col, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../api/ticket-types';
import { statusGroups, useTicketSample } from '../../api/tickets';
import { displayTimeZone } from '../../shared/time';
import { liveState, runningClock } from './SlaCountdown';

type TileKey = 'open' | 'overdue' | 'dueToday';

type TileProps = { title: string; value: string | number; hint?: string; colour?: string; loading: boolean; onClick?: () => void; testId: string };

function Tile({ title, value, hint, colour, loading, onClick, testId }: TileProps) {
  return (
    <Card size="small" hoverable={Boolean(onClick)} onClick={onClick} loading={loading} data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={value} styles={{ content: { color: colour, fontWeight: 600 } }} />
      {hint ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** Counts on the open backlog, judged against the clock now (the list carries each ticket's deadlines). */
function backlogCounts(items: TicketSummary[], now: number) {
  const endOfToday = dayjs(now).tz(displayTimeZone).endOf('day').valueOf();
  let overdue = 0;
  let dueToday = 0;
  for (const ticket of items) {
    if (ticket.status === 'on_hold') continue;
    const clocks = ticket.sla.filter((clock) => !clock.metAt);
    if (clocks.some((clock) => liveState(clock, now) === 'breached')) overdue += 1;
    else {
      const clock = runningClock(ticket.sla);
      if (clock && new Date(clock.dueAt).getTime() <= endOfToday) dueToday += 1;
    }
  }
  return { overdue, dueToday };
}

/** Share of tickets resolved this month (Shanghai) with no clock breached. */
function compliance(items: TicketSummary[], now: number) {
  const monthStart = dayjs(now).tz(displayTimeZone).startOf('month').valueOf();
  const resolved = items.filter((ticket) => ticket.resolvedAt && new Date(ticket.resolvedAt).getTime() >= monthStart && ticket.sla.length > 0);
  const onTime = resolved.filter((ticket) => ticket.sla.every((clock) => clock.state !== 'breached')).length;
  return { total: resolved.length, percent: resolved.length === 0 ? null : Math.round((onTime / resolved.length) * 1000) / 10 };
}

type QueueTilesProps = { projectId: string | undefined; now: number; onPick: (tile: TileKey) => void };

/**
 * The four figures a desk lead opens the queue for. The list endpoint has no totals, so they are
 * counted over the tickets themselves (up to 500 each; more shows as "500+").
 */
export function QueueTiles({ projectId, now, onPick }: QueueTilesProps) {
  const { t } = useTranslation();
  const open = useTicketSample({ projectId, status: statusGroups.open.join(',') });
  const done = useTicketSample({ projectId, status: 'resolved,visited,closed' });
  const counts = backlogCounts(open.data?.items ?? [], now);
  const rate = compliance(done.data?.items ?? [], now);
  const capped = (count: number, isCapped: boolean | undefined) => (isCapped ? `${count}+` : count);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="queue-tiles">
      <Col xs={12} lg={6}>
        <Tile title={t('serviceDesk.tiles.open')} value={capped(open.data?.items.length ?? 0, open.data?.capped)} loading={open.isPending} onClick={() => onPick('open')} testId="tile-open" />
      </Col>
      <Col xs={12} lg={6}>
        <Tile title={t('serviceDesk.tiles.overdue')} value={counts.overdue} colour={counts.overdue > 0 ? '#f5222d' : undefined} loading={open.isPending} onClick={() => onPick('overdue')} testId="tile-overdue" />
      </Col>
      <Col xs={12} lg={6}>
        <Tile title={t('serviceDesk.tiles.dueToday')} value={counts.dueToday} colour={counts.dueToday > 0 ? '#fa8c16' : undefined} loading={open.isPending} onClick={() => onPick('dueToday')} testId="tile-due-today" />
      </Col>
      <Col xs={12} lg={6}>
        <Tile
          title={t('serviceDesk.tiles.compliance')}
          value={rate.percent === null ? '—' : `${rate.percent}%`}
          hint={t('serviceDesk.tiles.complianceHint', { count: rate.total })}
          loading={done.isPending}
          testId="tile-compliance"
        />
      </Col>
    </Row>
  );
}

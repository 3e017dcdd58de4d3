import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTicketStats } from '../../api/tickets';

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

type QueueTilesProps = { projectId: string | undefined; onPick: (tile: TileKey) => void };

/** The four figures a desk lead opens the queue for, counted by the server over the whole backlog. */
export function QueueTiles({ projectId, onPick }: QueueTilesProps) {
  const { t } = useTranslation();
  const stats = useTicketStats(projectId);
  const figures = stats.data;
  const loading = stats.isPending;
  const compliance = figures?.slaComplianceThisMonth;
  const percent = compliance?.rate == null ? '—' : `${Math.round(compliance.rate * 1000) / 10}%`;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="queue-tiles">
      <Col xs={12} lg={6}>
        <Tile title={t('serviceDesk.tiles.open')} value={figures?.open ?? 0} loading={loading} onClick={() => onPick('open')} testId="tile-open" />
      </Col>
      <Col xs={12} lg={6}>
        <Tile
          title={t('serviceDesk.tiles.overdue')}
          value={figures?.overdue ?? 0}
          colour={figures?.overdue ? '#f5222d' : undefined}
          loading={loading}
          onClick={() => onPick('overdue')}
          testId="tile-overdue"
        />
      </Col>
      <Col xs={12} lg={6}>
        <Tile
          title={t('serviceDesk.tiles.dueToday')}
          value={figures?.dueToday ?? 0}
          colour={figures?.dueToday ? '#fa8c16' : undefined}
          loading={loading}
          onClick={() => onPick('dueToday')}
          testId="tile-due-today"
        />
      </Col>
      <Col xs={12} lg={6}>
        <Tile
          title={t('serviceDesk.tiles.compliance')}
          value={percent}
          hint={t('serviceDesk.tiles.complianceHint', {
            met: compliance?.met ?? 0,
            total: compliance?.total ?? 0,
            resolved: compliance?.resolved ?? 0,
            overdueOpen: compliance?.overdueOpen ?? 0,
          })}
          loading={loading}
          testId="tile-compliance"
        />
      </Col>
    </Row>
  );
}

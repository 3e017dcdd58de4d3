import { ArrowLeftOutlined } from '@ant-design/icons';
import { ageingBucket, ageingBuckets, ticketStatuses, ticketTypes, type AgeingBucket } from '@manyi/core';
import { Button, Card, Col, Flex, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useTicketAgeing, type AgeingReport } from '../../api/ageing';
import type { TicketSummary } from '../../api/ticket-types';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';
import { PageHeader } from '../../shared/PageHeader';
import { formatDateTime } from '../../shared/time';
import { useNow } from '../../shared/useNow';
import { CategoryCascader } from './CategoryCascader';
import { EChart, type ChartOption } from './EChart';
import { statusColours, typeColours } from './ticket-colours';
import { labelledGrid } from '../../shared/chart-layout';

/** Tickets listed under the chart; the server sends this many of the oldest per age group. */
const listed = 10;
const dayMs = 24 * 60 * 60 * 1000;

/** Cool to hot: a ticket a month old should look like an emergency next to one from yesterday. */
const bucketColours: Record<AgeingBucket, string> = {
  within_3_days: '#69b1ff',
  over_3_days: '#faad14',
  over_7_days: '#fa8c16',
  over_15_days: '#f5222d',
  over_30_days: '#a8071a',
};

/**
 * The oldest tickets overall: the oldest group first, topped up from the next younger group while
 * there is room. Every ticket of an older group is older than any of a younger one, so the first
 * `listed` are the true oldest even though each group only sends its own oldest few.
 */
function oldestTickets(report: AgeingReport, bucket: AgeingBucket | undefined): TicketSummary[] {
  if (bucket) return report.buckets.find((item) => item.bucket === bucket)?.oldest ?? [];
  return [...report.buckets]
    .reverse()
    .flatMap((item) => item.oldest)
    .slice(0, listed);
}

function AgeingChart({ report, bucket, onPick }: { report: AgeingReport; bucket: AgeingBucket | undefined; onPick: (bucket: AgeingBucket) => void }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const option = useMemo<ChartOption>(
    () => ({
      grid: labelledGrid({ left: 8, right: 16, top: 24, bottom: 8 }),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: report.buckets.map((item) => text(item.label)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('ageing.total'),
          barMaxWidth: 56,
          label: { show: true, position: 'top' },
          data: report.buckets.map((item) => ({
            value: item.count,
            // The chosen group stays bright, the others step back, so the chart says what the table lists.
            itemStyle: { color: bucketColours[item.bucket], opacity: !bucket || bucket === item.bucket ? 1 : 0.35 },
          })),
        },
      ],
    }),
    [report, bucket, t, text],
  );
  return (
    <div data-testid="ageing-chart" data-counts={report.buckets.map((item) => item.count).join(',')}>
      <EChart
        option={option}
        onItemClick={(index) => {
          const picked = report.buckets[index];
          if (picked) onPick(picked.bucket);
        }}
      />
    </div>
  );
}

function OldestTable({ tickets, showProject, now, empty }: { tickets: TicketSummary[]; showProject: boolean; now: number; empty: string }) {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const columns: ColumnsType<TicketSummary> = [
    {
      title: t('serviceDesk.number'),
      dataIndex: 'number',
      width: 170,
      render: (number: string, ticket) => (
        <Link to={`/service-desk/${ticket.id}`} data-testid="ageing-ticket-link">
          {number}
        </Link>
      ),
    },
    {
      title: t('serviceDesk.type'),
      dataIndex: 'type',
      width: 90,
      render: (value: TicketSummary['type']) => <Tag color={typeColours[value]}>{label(ticketTypes, value)}</Tag>,
    },
    {
      title: t('serviceDesk.titleColumn'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, ticket) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text ellipsis style={{ display: 'block' }}>
            {title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[ticket.categoryName ? text(ticket.categoryName) : null, ticket.householdLabel, showProject ? ticket.projectName : null]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('serviceDesk.status'),
      dataIndex: 'status',
      width: 96,
      render: (value: TicketSummary['status']) => <Tag color={statusColours[value]}>{label(ticketStatuses, value)}</Tag>,
    },
    {
      title: t('serviceDesk.assignee'),
      dataIndex: 'assignee',
      width: 100,
      render: (value: TicketSummary['assignee']) => value?.name ?? <Typography.Text type="secondary">{t('serviceDesk.unassigned')}</Typography.Text>,
    },
    { title: t('serviceDesk.reportedAt'), dataIndex: 'reportedAt', width: 140, render: (value: string) => formatDateTime(value) },
    {
      title: t('ageing.age'),
      key: 'age',
      width: 110,
      render: (_value, ticket) => {
        const reportedAt = Date.parse(ticket.reportedAt);
        const days = Math.floor((now - reportedAt) / dayMs);
        return (
          <Tag color={bucketColours[ageingBucket(new Date(reportedAt), new Date(now))]}>
            {days < 1 ? t('ageing.underADay') : t('ageing.days', { count: days })}
          </Tag>
        );
      },
    },
  ];
  return (
    <Table<TicketSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tickets}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: <ListEmpty description={empty} /> }}
      data-testid="ageing-oldest"
    />
  );
}

/**
 * Service desk → 账龄分析: how long the open tickets have waited since the owner reported them
 * (seed 001 案例一, "反映好几个月了还没有解决"), for the projects chosen in the header.
 */
export function AgeingPage() {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const navigate = useNavigate();
  const { projectId } = useProjectScope();
  const now = useNow(60_000);
  const [categoryCode, setCategoryCode] = useState<string>();
  const [bucket, setBucket] = useState<AgeingBucket>();
  const report = useTicketAgeing({ projectId, categoryCode, oldest: listed });
  const data = report.data;
  const chosen = data?.buckets.find((item) => item.bucket === bucket);

  return (
    <>
      <PageHeader
        title={t('ageing.title')}
        extra={
          <>
            <CategoryCascader value={categoryCode} onChange={setCategoryCode} width={200} testId="ageing-category" />
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/service-desk')}>
              {t('serviceDesk.title')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('ageing.intro')}</Typography.Paragraph>
      <ListState isPending={report.isPending} error={report.error} refetch={report.refetch}>
        {data ? (
          <Flex vertical gap={16} data-testid="ageing-report" data-total={data.total}>
            <Row gutter={[12, 12]}>
              <Col xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={t('ageing.total')} value={data.total} />
                </Card>
              </Col>
              {data.buckets
                .filter((item) => item.bucket !== 'within_3_days')
                .map((item) => (
                  <Col key={item.bucket} xs={12} md={8} xl={5}>
                    <Card size="small" hoverable onClick={() => setBucket(item.bucket)} data-testid={`ageing-tile-${item.bucket}`}>
                      <Statistic
                        title={text(item.label)}
                        value={item.count}
                        styles={{ content: { color: item.count > 0 ? bucketColours[item.bucket] : undefined } }}
                      />
                    </Card>
                  </Col>
                ))}
            </Row>
            <Card size="small" title={t('ageing.chart')} extra={<Typography.Text type="secondary">{t('ageing.chartHint')}</Typography.Text>}>
              {data.total === 0 ? <ListEmpty description={t('ageing.empty')} /> : <AgeingChart report={data} bucket={bucket} onPick={setBucket} />}
            </Card>
            <Card
              size="small"
              title={t('ageing.oldest')}
              extra={
                <Segmented<AgeingBucket | 'all'>
                  value={bucket ?? 'all'}
                  onChange={(value) => setBucket(value === 'all' ? undefined : value)}
                  options={[
                    { value: 'all', label: t('ageing.allBuckets') },
                    ...ageingBuckets.values.map((value) => ({ value, label: text(ageingBuckets.labels[value]) })),
                  ]}
                  data-testid="ageing-bucket"
                />
              }
            >
              {chosen && chosen.count > chosen.oldest.length ? (
                <Typography.Paragraph type="secondary">{t('ageing.showingOldest', { shown: chosen.oldest.length, count: chosen.count })}</Typography.Paragraph>
              ) : null}
              <OldestTable
                tickets={oldestTickets(data, bucket)}
                showProject={!projectId}
                now={now}
                empty={bucket ? t('ageing.emptyBucket') : t('ageing.empty')}
              />
            </Card>
          </Flex>
        ) : null}
      </ListState>
    </>
  );
}

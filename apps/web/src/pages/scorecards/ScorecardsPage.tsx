import { scoreKinds, staffPosts, type StaffPost } from '@manyi/core';
import { Button, Card, Col, Drawer, Empty, Flex, Form, Input, Modal, Row, Segmented, Select, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAbility, useMe } from '../../api/auth';
import {
  useCompanyRanking,
  useObjections,
  useProjectRanking,
  useRaiseObjection,
  useResolveObjection,
  useScorecard,
  useScorePoints,
  type Objection,
  type ScorePoint,
} from '../../api/scorecards';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListState } from '../../shared/ListState';
import { PageHeader } from '../../shared/PageHeader';
import { formatDateTime } from '../../shared/time';
import { useNotifiedAction } from '../../shared/useNotifiedAction';
import { EChart } from '../service-desk/EChart';
import { labelledGrid } from '../../shared/chart-layout';

/** The last twelve months as 'YYYY-MM', newest first (Shanghai time, as the server counts them). */
function recentMonths(): string[] {
  const today = new Date(Date.now() + 8 * 3_600_000);
  return Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - index, 1));
    return date.toISOString().slice(0, 7);
  });
}

const signed = (points: number) => (points > 0 ? `+${points}` : String(points));
const colourOf = (points: number) => (points > 0 ? '#389e0d' : points < 0 ? '#cf1322' : undefined);

/** Where the console opens the record behind a point: the ticket when there is one, else its own page. */
function recordPath(point: ScorePoint): string | null {
  if (point.ticketId) return `/service-desk/${point.ticketId}`;
  if (point.recordType === 'finding' || point.recordType === 'review') return '/quality';
  if (point.recordType === 'moment') return '/experience';
  if (point.recordType === 'learning') return '/training';
  if (point.recordType === 'inspection') return '/inspections';
  return null;
}

function ObjectionModal({ point, onClose }: { point: ScorePoint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const raise = useRaiseObjection();
  const notified = useNotifiedAction();
  return (
    <Modal
      open={Boolean(point)}
      title={t('scorecards.objectTitle')}
      onCancel={onClose}
      okButtonProps={{ loading: raise.isPending, 'data-testid': 'objection-submit' }}
      onOk={() =>
        form.validateFields().then(({ reason }) =>
          notified(async () => {
            await raise.mutateAsync({ kind: point!.kind, recordId: point!.recordId, reason });
            form.resetFields();
            onClose();
          }, 'saved'),
        )
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('scorecards.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} placeholder={t('scorecards.reasonPlaceholder')} data-testid="objection-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PointsTable({ staffId, month, own }: { staffId: string | undefined; month: string; own: boolean }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const points = useScorePoints(staffId, month);
  const [objecting, setObjecting] = useState<ScorePoint | null>(null);
  const objectionTag = (point: ScorePoint) => {
    if (!point.objection) return null;
    const colour = { open: 'orange', upheld: 'green', dismissed: 'default' }[point.objection.status];
    const text = { open: t('scorecards.objectionOpen'), upheld: t('scorecards.objectionUpheld'), dismissed: t('scorecards.objectionDismissed') }[
      point.objection.status
    ];
    return <Tag color={colour}>{text}</Tag>;
  };
  return (
    <ListState isPending={points.isPending} error={points.error} refetch={points.refetch}>
      <Table<ScorePoint>
        size="small"
        rowKey={(point) => `${point.kind}-${point.recordId}`}
        dataSource={points.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('scorecards.empty')} /> }}
        scroll={{ x: 640 }}
        onRow={(point) => ({ 'data-testid': `score-point-${point.kind}-${point.recordId}` }) as object}
        columns={[
          { title: t('scorecards.date'), dataIndex: 'occurredAt', width: 150, render: (value: string) => formatDateTime(value) },
          { title: t('scorecards.kind'), dataIndex: 'kind', width: 120, render: (kind: ScorePoint['kind']) => label(scoreKinds, kind) },
          {
            title: t('scorecards.record'),
            key: 'record',
            render: (_, point) => {
              const path = recordPath(point);
              const text = [point.ticketNumber, point.title].filter(Boolean).join(' ');
              return path ? (
                <Link to={path} data-testid={`score-open-${point.recordId}`}>
                  {text || t('scorecards.open')}
                </Link>
              ) : (
                text
              );
            },
          },
          {
            title: t('scorecards.points'),
            dataIndex: 'points',
            width: 80,
            align: 'right',
            render: (value: number, point) => (
              <span style={{ color: colourOf(value), textDecoration: point.objection?.status === 'upheld' ? 'line-through' : undefined }}>{signed(value)}</span>
            ),
          },
          {
            key: 'objection',
            width: 150,
            render: (_, point) =>
              objectionTag(point) ??
              (own ? (
                <Button size="small" type="link" onClick={() => setObjecting(point)} data-testid={`object-${point.recordId}`}>
                  {t('scorecards.object')}
                </Button>
              ) : null),
          },
        ]}
      />
      <ObjectionModal point={objecting} onClose={() => setObjecting(null)} />
    </ListState>
  );
}

/** A person's card: totals (加分 / 扣分), rank with n, the last six months, the kinds, and every point's record. */
function ScorecardView({ staffId, month }: { staffId: string; month: string }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const card = useScorecard(staffId, month);
  const data = card.data;
  const chart = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      legend: { data: [t('scorecards.bonus'), t('scorecards.deduction')] },
      grid: labelledGrid({ top: 32 }),
      xAxis: { type: 'category' as const, data: data?.trend.map((entry) => entry.month) ?? [] },
      yAxis: { type: 'value' as const },
      series: [
        {
          name: t('scorecards.bonus'),
          type: 'bar' as const,
          stack: 'points',
          itemStyle: { color: '#52c41a' },
          data: data?.trend.map((entry) => entry.bonus) ?? [],
        },
        {
          name: t('scorecards.deduction'),
          type: 'bar' as const,
          stack: 'points',
          itemStyle: { color: '#ff4d4f' },
          data: data?.trend.map((entry) => entry.deduction) ?? [],
        },
      ],
    }),
    [data, t],
  );
  return (
    <ListState isPending={card.isPending} error={card.error} refetch={card.refetch}>
      {data ? (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={t('scorecards.total')} value={data.total} valueStyle={{ color: colourOf(data.total) }} />
                <span data-testid="score-total" hidden>
                  {data.total}
                </span>
                <Flex gap={16} style={{ marginTop: 8 }}>
                  <Typography.Text type="success">
                    {t('scorecards.bonus')} {signed(data.bonus)}
                  </Typography.Text>
                  <Typography.Text type="danger">
                    {t('scorecards.deduction')} {data.deduction}
                  </Typography.Text>
                </Flex>
                <Flex vertical style={{ marginTop: 8 }}>
                  {data.ranks.map((rank) => (
                    <Typography.Text key={rank.projectId} data-testid={`score-rank-${rank.projectId}`}>
                      {rank.rank === null
                        ? t('scorecards.unranked', { project: rank.projectName, n: rank.n })
                        : t('scorecards.rank', { project: rank.projectName, rank: rank.rank, n: rank.n })}
                    </Typography.Text>
                  ))}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {data.countedAt ? t('scorecards.countedAt', { time: formatDateTime(data.countedAt) }) : t('scorecards.notCounted')}
                  </Typography.Text>
                </Flex>
              </Card>
            </Col>
            <Col xs={24} md={16}>
              <Card title={t('scorecards.trend')} size="small">
                <EChart option={chart} height={200} testId="score-trend" />
              </Card>
            </Col>
          </Row>
          <Card title={t('scorecards.byKind')} size="small">
            <Flex wrap gap={8}>
              {data.byKind.length === 0 ? <Typography.Text type="secondary">{t('scorecards.empty')}</Typography.Text> : null}
              {data.byKind.map((entry) => (
                <Tag key={entry.kind} color={entry.points >= 0 ? 'green' : 'red'}>
                  {label(scoreKinds, entry.kind)} × {entry.events}: {signed(entry.points)}
                </Tag>
              ))}
            </Flex>
          </Card>
          <Card title={t('scorecards.records')} size="small">
            <PointsTable staffId={data.staffId} month={month} own={staffId === 'me'} />
          </Card>
        </Flex>
      ) : null}
    </ListState>
  );
}

function ProjectRankingTab({ month, onOpen }: { month: string; onOpen: (staffId: string, name: string) => void }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const scope = useProjectScope();
  const [projectId, setProjectId] = useState<string | undefined>(scope.projectId ?? scope.projects[0]?.id);
  const [by, setBy] = useState<'staff' | 'team'>('staff');
  const ranking = useProjectRanking(projectId, month, by);
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <Select
          style={{ minWidth: 220 }}
          placeholder={t('scorecards.pickProject')}
          value={projectId}
          onChange={setProjectId}
          options={scope.projects.map((project) => ({ value: project.id, label: project.name }))}
          data-testid="ranking-project"
        />
        <Segmented<'staff' | 'team'>
          value={by}
          onChange={setBy}
          options={[
            { value: 'staff', label: t('scorecards.byStaff') },
            { value: 'team', label: t('scorecards.byTeam') },
          ]}
        />
        {ranking.data ? <Typography.Text type="secondary">n = {ranking.data.n}</Typography.Text> : null}
      </Flex>
      <ListState isPending={ranking.isPending && Boolean(projectId)} error={ranking.error} refetch={ranking.refetch}>
        <Table
          size="small"
          rowKey="key"
          dataSource={ranking.data?.rows ?? []}
          pagination={false}
          scroll={{ x: 560 }}
          onRow={(row) => ({ 'data-testid': `ranking-row-${row.key}` }) as object}
          columns={[
            { title: '#', dataIndex: 'rank', width: 60 },
            {
              title: by === 'staff' ? t('scorecards.person') : t('scorecards.team'),
              dataIndex: 'name',
              render: (name: string, row) =>
                by === 'staff' ? (
                  <Button type="link" size="small" onClick={() => onOpen(row.key, name)}>
                    {name}
                  </Button>
                ) : (
                  label(staffPosts, row.post as StaffPost | null)
                ),
            },
            ...(by === 'staff'
              ? [{ title: t('scorecards.post'), dataIndex: 'post', render: (post: string | null) => label(staffPosts, post as StaffPost | null) }]
              : [{ title: t('scorecards.n'), dataIndex: 'n' }]),
            {
              title: by === 'staff' ? t('scorecards.points') : t('scorecards.perPerson'),
              dataIndex: 'points',
              render: (value: number) => <b style={{ color: colourOf(value) }}>{value}</b>,
            },
            { title: t('scorecards.bonus'), dataIndex: 'bonus', render: (value: number) => signed(value) },
            { title: t('scorecards.deduction'), dataIndex: 'deduction' },
          ]}
        />
      </ListState>
    </Flex>
  );
}

function CompanyRankingTab({ month }: { month: string }) {
  const { t } = useTranslation();
  const ranking = useCompanyRanking(month, true);
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('scorecards.fairNote')}</Typography.Text>
      <ListState isPending={ranking.isPending} error={ranking.error} refetch={ranking.refetch}>
        <Table
          size="small"
          rowKey="projectId"
          dataSource={ranking.data?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '#', dataIndex: 'rank', width: 60 },
            { title: t('scorecards.project'), dataIndex: 'projectName' },
            { title: t('scorecards.perPerson'), dataIndex: 'points', render: (value: number | null) => value ?? '—' },
            { title: t('scorecards.points'), dataIndex: 'total' },
            {
              title: t('scorecards.n'),
              dataIndex: 'n',
              render: (n: number, row) =>
                row.small ? (
                  <Tag color="orange" title={t('scorecards.smallTeam')}>
                    {n}
                  </Tag>
                ) : (
                  n
                ),
            },
          ]}
        />
      </ListState>
    </Flex>
  );
}

function ObjectionsTab({ reviewer }: { reviewer: boolean }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const [status, setStatus] = useState<'open' | 'upheld' | 'dismissed' | undefined>('open');
  const objections = useObjections(status);
  const resolve = useResolveObjection();
  const notified = useNotifiedAction();
  const [resolving, setResolving] = useState<{ objection: Objection; decision: 'upheld' | 'dismissed' } | null>(null);
  const [form] = Form.useForm<{ resolution: string }>();
  const me = useMe();
  return (
    <Flex vertical gap={12}>
      <Select
        style={{ width: 160 }}
        allowClear
        value={status}
        onChange={setStatus}
        options={(['open', 'upheld', 'dismissed'] as const).map((value) => ({ value, label: t(`scorecards.statuses.${value}`) }))}
      />
      <ListState isPending={objections.isPending} error={objections.error} refetch={objections.refetch}>
        <Table<Objection>
          size="small"
          rowKey="id"
          dataSource={objections.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          columns={[
            { title: t('scorecards.person'), dataIndex: 'staffName' },
            { title: t('scorecards.project'), dataIndex: 'projectName' },
            { title: t('scorecards.kind'), dataIndex: 'kind', render: (kind: Objection['kind']) => label(scoreKinds, kind) },
            { title: t('scorecards.points'), dataIndex: 'points', render: (value: number) => signed(value) },
            { title: t('scorecards.reason'), dataIndex: 'reason' },
            { title: t('scorecards.status'), dataIndex: 'status', render: (value: Objection['status']) => t(`scorecards.statuses.${value}`) },
            {
              key: 'actions',
              render: (_, objection) =>
                reviewer && objection.status === 'open' && objection.staffId !== me.data?.id ? (
                  <Flex gap={4}>
                    <Button size="small" onClick={() => setResolving({ objection, decision: 'upheld' })}>
                      {t('scorecards.uphold')}
                    </Button>
                    <Button size="small" onClick={() => setResolving({ objection, decision: 'dismissed' })}>
                      {t('scorecards.dismiss')}
                    </Button>
                  </Flex>
                ) : (
                  objection.resolution
                ),
            },
          ]}
        />
      </ListState>
      <Modal
        open={Boolean(resolving)}
        title={t('scorecards.resolveTitle')}
        onCancel={() => setResolving(null)}
        okButtonProps={{ loading: resolve.isPending }}
        onOk={() =>
          form.validateFields().then(({ resolution }) =>
            notified(async () => {
              await resolve.mutateAsync({ id: resolving!.objection.id, decision: resolving!.decision, resolution });
              form.resetFields();
              setResolving(null);
            }, 'saved'),
          )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="resolution" label={t('scorecards.resolution')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

/** 积分 (issue 18 §4): my card for everyone; rankings and objections to resolve for reviewers. */
export function ScorecardsPage() {
  const { t } = useTranslation();
  const reviewer = useAbility('scorecard.review');
  const months = useMemo(() => recentMonths(), []);
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? months[0]!;
  const tab = params.get('tab') ?? 'mine';
  const [opened, setOpened] = useState<{ staffId: string; name: string } | null>(null);
  const set = (key: string, value: string) =>
    setParams((current) => {
      current.set(key, value);
      return current;
    });
  const tabs = [
    { key: 'mine', label: t('scorecards.tabs.mine'), children: <ScorecardView staffId="me" month={month} /> },
    ...(reviewer
      ? [
          {
            key: 'ranking',
            label: t('scorecards.tabs.ranking'),
            children: <ProjectRankingTab month={month} onOpen={(staffId, name) => setOpened({ staffId, name })} />,
          },
          { key: 'company', label: t('scorecards.tabs.company'), children: <CompanyRankingTab month={month} /> },
        ]
      : []),
    { key: 'objections', label: t('scorecards.tabs.objections'), children: <ObjectionsTab reviewer={reviewer} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('scorecards.title')}
        extra={
          <Select
            style={{ width: 130 }}
            value={month}
            onChange={(value) => set('month', value)}
            options={months.map((value) => ({ value, label: value }))}
            aria-label={t('scorecards.month')}
            data-testid="score-month"
          />
        }
      />
      <Tabs activeKey={tab} onChange={(key) => set('tab', key)} items={tabs} destroyOnHidden />
      <Drawer
        open={Boolean(opened)}
        width={Math.min(960, window.innerWidth)}
        title={opened ? t('scorecards.staffCard', { name: opened.name }) : ''}
        onClose={() => setOpened(null)}
        destroyOnHidden
      >
        {opened ? <ScorecardView staffId={opened.staffId} month={month} /> : null}
      </Drawer>
    </>
  );
}

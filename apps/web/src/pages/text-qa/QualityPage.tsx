import { redLineCodes, rubricItems } from '@manyi/contracts/text-qa';
import { Button, Card, Flex, Input, Rate, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/problem';
import {
  useCalibration,
  useFindings,
  useReviewFinding,
  useReviewQueue,
  useScorecard,
  useSubmitReview,
  type ReviewQueueItem,
  type StoredFinding,
} from '../../api/text-qa';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { EChart, type ChartOption } from '../service-desk/EChart';
import { Loaded } from './Loaded';
import { RulesTab } from './RulesTab';
import { SamplingCard } from './SamplingCard';
import { labelledGrid } from '../../shared/chart-layout';

/** The span the engine found, marked inside the whole text the owner read. */
function Marked({ body, start, end }: { body: string; start: number; end: number }) {
  return (
    <span>
      {body.slice(0, start)}
      <Typography.Text mark>{body.slice(start, end)}</Typography.Text>
      {body.slice(end)}
    </span>
  );
}

function FindingsTab() {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const message = useMessage();
  const [status, setStatus] = useState<'open' | 'accepted' | 'rejected'>('open');
  const [redLine, setRedLine] = useState<(typeof redLineCodes)[number] | undefined>();
  const findings = useFindings({ status, redLine });
  const review = useReviewFinding();
  const decide = async (finding: StoredFinding, decision: 'accepted' | 'rejected') => {
    try {
      await review.mutateAsync({ id: finding.id, decision });
      void message.success(t(`textQa.findings.${decision}`));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          options={(['open', 'accepted', 'rejected'] as const).map((value) => ({ value, label: t(`textQa.status.${value}`) }))}
          data-testid="findings-status"
        />
        <Select
          allowClear
          placeholder={t('textQa.findings.redLine')}
          value={redLine}
          onChange={setRedLine}
          options={redLineCodes.map((code) => ({ value: code, label: t(`textQa.redLines.${code}`) }))}
          style={{ width: 160 }}
        />
      </Space>
      <Loaded query={findings} isEmpty={(data) => data.items.length === 0} empty={t('textQa.findings.empty')}>
        {(data) => (
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20 }}
            dataSource={data.items}
            data-testid="findings-table"
            columns={[
              { title: t('textQa.findings.author'), dataIndex: 'authorName', width: 100, render: (name: string | null) => name ?? t('common.none') },
              {
                title: t('textQa.findings.redLine'),
                dataIndex: 'redLine',
                width: 90,
                render: (code: StoredFinding['redLine'], row) => <Tag color={row.autoFail ? 'red' : 'orange'}>{t(`textQa.redLines.${code}`)}</Tag>,
              },
              {
                title: t('textQa.findings.text'),
                key: 'text',
                render: (_, row) => (
                  <Flex vertical gap={4}>
                    <Marked body={row.body} start={row.start} end={row.end} />
                    <Typography.Text type="secondary">{text(row.why)}</Typography.Text>
                    {row.rewrite && <Typography.Text type="success">{t('textQa.findings.rewrite', { text: row.rewrite })}</Typography.Text>}
                  </Flex>
                ),
              },
              {
                title: t('textQa.findings.source'),
                dataIndex: 'sourceType',
                width: 100,
                render: (value: StoredFinding['sourceType']) => t(`textQa.sources.${value}`),
              },
              {
                title: t('textQa.findings.review'),
                key: 'actions',
                width: 150,
                render: (_, row) =>
                  row.status === 'open' ? (
                    <Space>
                      <Button size="small" type="primary" danger onClick={() => void decide(row, 'accepted')} data-testid="finding-accept">
                        {t('textQa.findings.accept')}
                      </Button>
                      <Button size="small" onClick={() => void decide(row, 'rejected')} data-testid="finding-reject">
                        {t('textQa.findings.reject')}
                      </Button>
                    </Space>
                  ) : (
                    <Tag>{t(`textQa.status.${row.status}`)}</Tag>
                  ),
              },
            ]}
          />
        )}
      </Loaded>
    </Flex>
  );
}

function ScorecardTab() {
  const { t } = useTranslation();
  const [by, setBy] = useState<'staff' | 'team' | 'project'>('staff');
  const card = useScorecard({ by });
  const trend = useMemo<ChartOption | null>(() => {
    if (!card.data) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: labelledGrid(),
      xAxis: { type: 'category', data: card.data.trend.map((month) => month.month) },
      yAxis: { type: 'value', max: 100 },
      series: [
        { type: 'bar', name: t('textQa.scorecard.average'), data: card.data.trend.map((month) => month.averageScore ?? 0), itemStyle: { color: '#1677ff' } },
        { type: 'bar', name: t('textQa.scorecard.autoFails'), data: card.data.trend.map((month) => month.autoFails), itemStyle: { color: '#ff4d4f' } },
      ],
    };
  }, [card.data, t]);
  return (
    <Flex vertical gap={12}>
      <Segmented
        value={by}
        onChange={(value) => setBy(value as typeof by)}
        options={(['staff', 'team', 'project'] as const).map((value) => ({ value, label: t(`textQa.scorecard.by.${value}`) }))}
      />
      <Loaded query={card} isEmpty={(data) => data.rows.length === 0} empty={t('textQa.scorecard.empty')}>
        {(data) => (
          <Flex vertical gap={12}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={data.rows}
              data-testid="scorecard-table"
              columns={[
                {
                  title: t(`textQa.scorecard.by.${by}`),
                  dataIndex: 'name',
                  render: (name: string) => (by === 'team' ? t(`textQa.posts.${name}`, { defaultValue: name }) : name),
                },
                { title: t('textQa.scorecard.texts'), dataIndex: 'texts', width: 80 },
                {
                  title: t('textQa.scorecard.average'),
                  dataIndex: 'averageScore',
                  width: 90,
                  render: (value: number | null) =>
                    value === null ? t('common.none') : <Typography.Text type={value < 60 ? 'danger' : undefined}>{value}</Typography.Text>,
                },
                { title: t('textQa.scorecard.autoFails'), dataIndex: 'autoFails', width: 90 },
                {
                  title: t('textQa.scorecard.redLines'),
                  dataIndex: 'redLines',
                  render: (counts: Record<string, number>) => (
                    <Space wrap size={4}>
                      {(Object.entries(counts) as [StoredFinding['redLine'], number][]).map(([code, count]) => (
                        <Tag key={code} color="orange">
                          {t(`textQa.redLines.${code}`)} {count}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                { title: t('textQa.scorecard.reviewed'), dataIndex: 'reviewed', width: 80 },
                {
                  title: t('textQa.scorecard.averageReview'),
                  dataIndex: 'averageReview',
                  width: 100,
                  render: (value: number | null) => value ?? t('common.none'),
                },
              ]}
            />
            {trend && (
              <Card size="small" title={t('textQa.scorecard.trend')}>
                <EChart option={trend} height={220} testId="scorecard-trend" />
              </Card>
            )}
          </Flex>
        )}
      </Loaded>
    </Flex>
  );
}

function ReviewCard({ item }: { item: ReviewQueueItem }) {
  const { t } = useTranslation();
  const message = useMessage();
  const submit = useSubmitReview();
  const [rubric, setRubric] = useState<Record<(typeof rubricItems)[number], number>>({
    greeting: 3,
    listening: 3,
    empathy: 3,
    solution: 3,
    commitment: 3,
    closing: 3,
  });
  const [comment, setComment] = useState('');
  const save = async () => {
    try {
      const result = await submit.mutateAsync({ textId: item.textId, rubric, comment: comment.trim() || undefined });
      void message.success(t('textQa.reviews.saved', { total: result.total }));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <Card
      size="small"
      data-testid="review-card"
      title={
        <Space>
          {item.authorName ?? t('common.none')}
          <Tag>{t(`textQa.sources.${item.sourceType}`)}</Tag>
        </Space>
      }
      extra={<Tag color={item.autoFailed ? 'red' : 'blue'}>{t('textQa.reviews.auto', { score: item.score })}</Tag>}
    >
      <Typography.Paragraph>{item.body}</Typography.Paragraph>
      <Flex wrap gap={12}>
        {rubricItems.map((code) => (
          <Flex key={code} vertical align="start">
            <Typography.Text type="secondary">{t(`textQa.rubric.${code}`)}</Typography.Text>
            <Rate count={5} allowClear value={rubric[code]} onChange={(value) => setRubric((current) => ({ ...current, [code]: value }))} />
          </Flex>
        ))}
      </Flex>
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Input value={comment} onChange={(event) => setComment(event.target.value)} placeholder={t('textQa.reviews.comment')} maxLength={1000} />
        <Button type="primary" onClick={() => void save()} loading={submit.isPending}>
          {t('textQa.reviews.submit')}
        </Button>
      </Flex>
      {item.reviews.length > 0 && (
        <Flex vertical style={{ marginTop: 8 }}>
          {item.reviews.map((review) => (
            <Typography.Text key={review.reviewerName} type="secondary">
              {t('textQa.reviews.by', { name: review.reviewerName, total: review.total })}
              {review.comment ? `：${review.comment}` : ''}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function ReviewsTab() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const calibration = useCalibration();
  return (
    <Flex vertical gap={12}>
      <SamplingCard />
      {calibration.data && (
        <Card size="small" title={t('textQa.calibration.title')}>
          <Typography.Paragraph type="secondary">
            {calibration.data.texts === 0
              ? t('textQa.calibration.none')
              : t('textQa.calibration.summary', { texts: calibration.data.texts, spread: calibration.data.averageSpread })}
          </Typography.Paragraph>
          <Space wrap>
            {calibration.data.reviewers.map((reviewer) => (
              <Tag key={reviewer.name} color={Math.abs(reviewer.offset) > 10 ? 'orange' : 'green'}>
                {t('textQa.calibration.reviewer', { name: reviewer.name, reviews: reviewer.reviews, average: reviewer.averageTotal, offset: reviewer.offset })}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
      <Loaded query={queue} isEmpty={(data) => data.items.length === 0} empty={t('textQa.reviews.empty')}>
        {(data) => (
          <Flex vertical gap={12}>
            {data.items.slice(0, 20).map((item) => (
              <ReviewCard key={item.textId} item={item} />
            ))}
          </Flex>
        )}
      </Loaded>
    </Flex>
  );
}

/** 沟通质检: findings to review, scorecards, the sampled manual review with calibration, and the company's rules. */
export function QualityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'findings';
  return (
    <>
      <PageHeader title={t('textQa.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'findings', label: t('textQa.tabs.findings'), children: <FindingsTab /> },
          { key: 'scorecard', label: t('textQa.tabs.scorecard'), children: <ScorecardTab /> },
          { key: 'reviews', label: t('textQa.tabs.reviews'), children: <ReviewsTab /> },
          { key: 'rules', label: t('textQa.tabs.rules'), children: <RulesTab /> },
        ]}
      />
    </>
  );
}

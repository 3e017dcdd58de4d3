import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { localText, staffPosts, type RateChange, type StaffPost } from '@manyi/core';
import { Alert, Button, Card, Empty, Flex, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useBuildings } from '../../api/buildings';
import { useProjectOptions } from '../../api/projects';
import { resultsExportUrl, useCampaignOptions, useCampaignResults, useRefreshResults, type CampaignResults, type ResultsFilter } from '../../api/results';
import { useLocale } from '../../i18n/LocaleProvider';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListState } from '../../shared/ListState';
import { PageHeader } from '../../shared/PageHeader';
import { useMessage } from '../../shared/MessageProvider';
import { ResponseRates } from './ResponseRates';
import { ResultCharts } from './ResultCharts';
import { ChangeTag, ResultTiles } from './ResultTiles';

type QuestionRow = { id: string; title: string; valid: number; notExperienced: number; mean: number | null; rate: number | null; change: RateChange | null };

/** One row per satisfaction question and matrix row, with its change against the previous wave. */
function QuestionRates({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rows = useMemo(() => {
    const changes = results.previous?.comparison.rates ?? [];
    const changeOf = (key: string, item: string) => changes.find((change) => change.questionKey === key && change.item === item)?.change ?? null;
    return results.analysis.questions.flatMap((question): QuestionRow[] => {
      const title = localText(question.title, locale);
      if (question.type === 'satisfaction') {
        return [
          {
            id: question.key,
            title,
            valid: question.valid,
            notExperienced: question.notExperienced,
            mean: question.mean,
            rate: question.satisfactionRate?.rate ?? null,
            change: changeOf(question.key, ''),
          },
        ];
      }
      if (question.type !== 'matrix') return [];
      return question.rows.map((row) => ({
        id: `${question.key}.${row.key}`,
        title: `${title} · ${localText(row.label, locale)}`,
        valid: row.valid,
        notExperienced: row.notExperienced,
        mean: row.mean,
        rate: row.satisfactionRate?.rate ?? null,
        change: changeOf(question.key, row.key),
      }));
    });
  }, [results, locale]);
  if (rows.length === 0) return null;
  const columns: ColumnsType<QuestionRow> = [
    { title: t('results.questions.question'), dataIndex: 'title', ellipsis: true },
    { title: t('results.questions.valid'), dataIndex: 'valid', width: 90, align: 'right' },
    { title: t('results.questions.notExperienced'), dataIndex: 'notExperienced', width: 90, align: 'right' },
    {
      title: t('results.questions.mean'),
      dataIndex: 'mean',
      width: 80,
      align: 'right',
      render: (mean: number | null) => (mean === null ? '—' : mean.toFixed(2)),
    },
    {
      title: t('results.questions.rate'),
      dataIndex: 'rate',
      width: 90,
      align: 'right',
      render: (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`),
    },
    { title: t('results.questions.change'), dataIndex: 'change', width: 220, render: (change: RateChange | null) => <ChangeTag change={change} unit="rate" /> },
  ];
  return (
    <Card size="small" title={t('results.questions.title')}>
      <Table<QuestionRow> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="results-questions" />
    </Card>
  );
}

/**
 * 调查结果 (issue 4 §6): a campaign's figures under cross-filters (project, building, post, owner
 * tags), response rates, the metric tiles with significance against the previous wave, the charts,
 * and the .xlsx export of the same filter. Filters live in the address so a view can be shared.
 */
export function ResultsPage() {
  const { t } = useTranslation();
  const { options: vocabularyOptions } = useVocabulary();
  const navigate = useNavigate();
  const message = useMessage();
  const { id: campaignId } = useParams();
  const [search, setSearch] = useSearchParams();
  const filter: ResultsFilter = {
    projectId: search.get('projectId') ?? undefined,
    buildingId: search.get('buildingId') ?? undefined,
    // An address may carry anything: only a known post filters.
    post: staffPosts.values.find((post) => post === search.get('post')),
    tags: search.getAll('tags'),
  };
  const results = useCampaignResults(campaignId, filter);
  const refresh = useRefreshResults(campaignId);
  const campaigns = useCampaignOptions();
  const projects = useProjectOptions();
  const buildings = useBuildings(filter.projectId);

  const setFilter = (changes: Partial<Record<'projectId' | 'buildingId' | 'post', string | undefined>> & { tags?: string[] }) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      if (Array.isArray(value)) for (const item of value) next.append(key, item);
      else if (value) next.set(key, value);
    }
    if ('projectId' in changes) next.delete('buildingId');
    setSearch(next, { replace: true });
  };

  const runRefresh = () => refresh.mutate(undefined, { onSuccess: (result) => void message.success(t('results.refreshed', { count: result.counted })) });
  const data = results.data;

  return (
    <>
      <PageHeader
        title={data ? `${t('results.title')} · ${data.campaign.name}` : t('results.title')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 240 }}
              placeholder={t('results.chooseCampaign')}
              value={campaignId}
              loading={campaigns.isPending}
              data-testid="results-campaign"
              options={(campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }))}
              onChange={(value: string) => navigate(`/campaigns/${value}/results`)}
            />
            <Button icon={<ReloadOutlined />} disabled={!campaignId} loading={refresh.isPending} onClick={runRefresh} data-testid="results-refresh">
              {t('results.refresh')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              disabled={!campaignId}
              href={campaignId ? resultsExportUrl(campaignId, filter) : undefined}
              data-testid="results-export"
            >
              {t('results.export')}
            </Button>
          </Space>
        }
      />
      {!campaignId ? (
        <Empty description={t('results.noCampaign')} />
      ) : (
        <Flex vertical gap={12}>
          <Card size="small">
            <Space wrap>
              <Select
                style={{ width: 200 }}
                allowClear
                placeholder={`${t('results.filters.project')}: ${t('results.filters.all')}`}
                value={filter.projectId}
                data-testid="results-filter-project"
                options={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
                onChange={(value?: string) => setFilter({ projectId: value })}
              />
              <Select
                style={{ width: 160 }}
                allowClear
                disabled={!filter.projectId}
                placeholder={`${t('results.filters.building')}: ${t('results.filters.all')}`}
                value={filter.buildingId}
                data-testid="results-filter-building"
                options={[...(buildings.data ?? [])]
                  .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }))
                  .map((building) => ({ value: building.id, label: building.name }))}
                onChange={(value?: string) => setFilter({ buildingId: value })}
              />
              <Select
                style={{ width: 160 }}
                allowClear
                placeholder={`${t('results.filters.post')}: ${t('results.filters.all')}`}
                value={filter.post as StaffPost | undefined}
                data-testid="results-filter-post"
                options={vocabularyOptions(staffPosts)}
                onChange={(value?: string) => setFilter({ post: value })}
              />
              <Select
                mode="tags"
                style={{ minWidth: 220 }}
                placeholder={t('results.filters.tagsPlaceholder')}
                value={filter.tags}
                data-testid="results-filter-tags"
                onChange={(value: string[]) => setFilter({ tags: value })}
                open={false}
                suffixIcon={null}
              />
            </Space>
          </Card>
          <ListState isPending={results.isPending} error={results.error} refetch={results.refetch}>
            {data ? (
              <Flex vertical gap={12} style={{ opacity: results.isPlaceholderData ? 0.6 : 1 }} data-testid="results-body">
                {data.source === 'raw' ? <Alert type="info" showIcon title={t('results.rawSource')} /> : null}
                {data.pending > 0 ? <Alert type="warning" showIcon title={t('results.pending', { count: data.pending })} /> : null}
                <ResultTiles results={data} />
                {data.analysis.responses === 0 ? <Empty description={t('results.empty')} data-testid="results-empty" /> : <ResultCharts results={data} />}
                <QuestionRates results={data} />
                <ResponseRates rates={data.responseRates} />
              </Flex>
            ) : null}
          </ListState>
        </Flex>
      )}
    </>
  );
}

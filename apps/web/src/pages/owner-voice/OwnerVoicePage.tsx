import { Card, Col, Drawer, Flex, List, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildings } from '../../api/buildings';
import { useCampaigns } from '../../api/campaigns';
import { useProjectOptions } from '../../api/projects';
import { useVerbatims, useVoiceSummary, type VoiceSummary } from '../../api/text-qa';
import { useVocabulary } from '../../i18n/vocabulary';
import { PageHeader } from '../../shared/PageHeader';
import { EChart, type ChartOption } from '../service-desk/EChart';
import { Loaded } from '../text-qa/Loaded';
import { labelledGrid, longCategoryLabel } from '../../shared/chart-layout';

const posts = ['engineering', 'environment', 'order', 'fees', 'renovation', 'service'] as const;
const groupColours = { promoter: '#52c41a', passive: '#faad14', detractor: '#ff4d4f' } as const;
type Topic = VoiceSummary['topics'][number];

/**
 * A tag cloud of what unhappy owners say (echarts-wordcloud needs echarts 5; the console is on 6): size and
 * colour follow the keyword's weight.
 */
function TagCloud({ words }: { words: VoiceSummary['words'] }) {
  const { t } = useTranslation();
  if (words.length === 0) return <Typography.Text type="secondary">{t('ownerVoice.noWords')}</Typography.Text>;
  const top = Math.max(...words.map((word) => word.weight));
  return (
    <Flex wrap gap={8} align="center" data-testid="voice-cloud">
      {words.map((word) => {
        const share = top > 0 ? word.weight / top : 0;
        return (
          <span
            key={word.word}
            style={{ fontSize: 12 + Math.round(share * 20), color: share > 0.6 ? '#cf1322' : share > 0.3 ? '#d46b08' : '#595959', lineHeight: 1.2 }}
          >
            {word.word}
          </span>
        );
      })}
    </Flex>
  );
}

/** 贬损点: what detractors talk about, how much NPS each topic costs, the owners' own words, by month. */
export function OwnerVoicePage() {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const [projectId, setProjectId] = useState<string | undefined>();
  const [buildingId, setBuildingId] = useState<string | undefined>();
  const [post, setPost] = useState<string | undefined>();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const [topic, setTopic] = useState<Topic | null>(null);
  const filters = { projectId, buildingId, post, campaignId };
  const summary = useVoiceSummary(filters);
  const verbatims = useVerbatims(topic ? { ...filters, topic: topic.code } : null);
  const projects = useProjectOptions();
  const buildings = useBuildings(projectId);
  const campaigns = useCampaigns();

  const topicChart = useMemo<ChartOption | null>(() => {
    const topics = summary.data?.topics.slice(0, 12);
    if (!topics || topics.length === 0) return null;
    const names = topics.map((item) => text(item.name));
    return {
      tooltip: { trigger: 'axis' },
      grid: labelledGrid(),
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: longCategoryLabel },
      xAxis: { type: 'value' },
      series: (['detractor', 'passive', 'promoter'] as const).map((group) => ({
        type: 'bar' as const,
        stack: 'groups',
        name: t(`ownerVoice.groups.${group}`),
        data: topics.map((item) => item.byGroup[group]),
        itemStyle: { color: groupColours[group] },
      })),
    };
  }, [summary.data, t, text]);

  const trendChart = useMemo<ChartOption | null>(() => {
    const trend = summary.data?.trend;
    if (!trend || trend.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: labelledGrid(),
      xAxis: { type: 'category', data: trend.map((month) => month.month) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('ownerVoice.trendTotal'), data: trend.map((month) => month.total), itemStyle: { color: '#91caff' } },
        { type: 'bar', name: t('ownerVoice.trendNegative'), data: trend.map((month) => month.negative), itemStyle: { color: '#ff7875' } },
        { type: 'bar', name: t('ownerVoice.trendDetractors'), data: trend.map((month) => month.detractors), itemStyle: { color: '#cf1322' } },
      ],
    };
  }, [summary.data, t]);

  return (
    <>
      <PageHeader title={t('ownerVoice.title')} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('ownerVoice.filters.project')}
          value={projectId}
          onChange={(value: string | undefined) => {
            setProjectId(value);
            setBuildingId(undefined);
          }}
          options={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          disabled={!projectId}
          placeholder={t('ownerVoice.filters.building')}
          value={buildingId}
          onChange={setBuildingId}
          options={(buildings.data ?? []).map((building) => ({ value: building.id, label: building.name }))}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('ownerVoice.filters.post')}
          value={post}
          onChange={setPost}
          options={posts.map((value) => ({ value, label: t(`ownerVoice.posts.${value}`) }))}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('ownerVoice.filters.wave')}
          value={campaignId}
          onChange={setCampaignId}
          options={(campaigns.data?.items ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }))}
          style={{ width: 200 }}
        />
      </Flex>
      <Loaded query={summary} isEmpty={(data) => data.total === 0} empty={t('ownerVoice.empty')}>
        {(data) => (
          <Flex vertical gap={16}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t('ownerVoice.total')} value={data.total} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title="NPS" value={data.nps ?? '—'} />
                </Card>
              </Col>
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Card size="small" title={t('ownerVoice.byGroup')}>
                  {topicChart && <EChart option={topicChart} height={320} testId="voice-topics-chart" />}
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card size="small" title={t('ownerVoice.cloud')}>
                  <TagCloud words={data.words} />
                </Card>
              </Col>
            </Row>
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={data.topics}
              data-testid="voice-topics"
              onRow={(row) => ({ onClick: () => setTopic(row), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('ownerVoice.topic'), dataIndex: 'name', render: (name: Topic['name']) => <Typography.Link>{text(name)}</Typography.Link> },
                { title: t('ownerVoice.count'), dataIndex: 'count', width: 80 },
                { title: t('ownerVoice.groups.detractor'), key: 'detractor', width: 90, render: (_, row) => row.byGroup.detractor },
                { title: t('ownerVoice.groups.passive'), key: 'passive', width: 90, render: (_, row) => row.byGroup.passive },
                { title: t('ownerVoice.groups.promoter'), key: 'promoter', width: 90, render: (_, row) => row.byGroup.promoter },
                { title: t('ownerVoice.negative'), dataIndex: 'negative', width: 90 },
                {
                  title: t('ownerVoice.npsGain'),
                  dataIndex: 'npsGain',
                  width: 120,
                  render: (gain: number) => (gain > 0 ? <Tag color="red">+{gain}</Tag> : '0'),
                },
              ]}
            />
            {trendChart && (
              <Card size="small" title={t('ownerVoice.trend')}>
                <EChart option={trendChart} height={220} testId="voice-trend" />
              </Card>
            )}
          </Flex>
        )}
      </Loaded>
      <Drawer open={topic !== null} onClose={() => setTopic(null)} title={topic ? t('ownerVoice.verbatims', { topic: text(topic.name) }) : ''} width={480}>
        <Loaded query={verbatims} isEmpty={(data) => data.items.length === 0} empty={t('ownerVoice.noVerbatims')}>
          {(data) => (
            <List
              data-testid="voice-verbatims"
              dataSource={data.items}
              renderItem={(item) => (
                <List.Item>
                  <Flex vertical gap={4}>
                    <Typography.Text>{item.body}</Typography.Text>
                    <Flex gap={4}>
                      {item.npsGroup && <Tag color={groupColours[item.npsGroup]}>{t(`ownerVoice.groups.${item.npsGroup}`)}</Tag>}
                      <Tag>{t(`ownerVoice.sources.${item.sourceType}`, { defaultValue: item.sourceType })}</Tag>
                      <Typography.Text type="secondary">{item.occurredAt.slice(0, 10)}</Typography.Text>
                    </Flex>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Loaded>
      </Drawer>
    </>
  );
}

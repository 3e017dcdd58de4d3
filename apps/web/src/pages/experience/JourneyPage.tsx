import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { journeyStages, projectTypes, staffPosts, type JourneyStage } from '@manyi/core';
import { Alert, Button, Card, Flex, Input, Modal, Segmented, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAbility } from '../../api/auth';
import { useJourney, useJourneyLive, usePublishVersion, useSaveDraft, useStartVersion, type Touchpoint, type TouchpointLive } from '../../api/journeys';
import { errorMessage } from '../../api/problem';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { EChart, type ChartOption } from '../service-desk/EChart';
import { TouchpointDrawer } from './TouchpointDrawer';
import { labelledGrid, longCategoryLabel } from '../../shared/chart-layout';

const healthColour: Record<TouchpointLive['health'], string> = { good: '#52c41a', watch: '#faad14', weak: '#ff4d4f', no_data: '#d9d9d9' };
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const score = (value: number | null) => (value === null ? '—' : value.toFixed(1));

function TouchpointCard({ touchpoint, live, onOpen }: { touchpoint: Touchpoint; live: TouchpointLive | undefined; onOpen: () => void }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const health = live?.health ?? 'no_data';
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid={`touchpoint-${touchpoint.id}`}
      data-health={health}
      style={{ borderLeft: `4px solid ${healthColour[health]}` }}
      title={
        <Space size={4} wrap>
          <span>{touchpoint.name}</span>
          {touchpoint.peak ? <Tag color="gold">{t('journey.peak')}</Tag> : null}
          {touchpoint.end ? <Tag color="cyan">{t('journey.end')}</Tag> : null}
        </Space>
      }
      extra={
        <Tag color={health === 'weak' ? 'red' : health === 'watch' ? 'orange' : health === 'good' ? 'green' : 'default'}>{t(`journey.health.${health}`)}</Tag>
      }
    >
      <Typography.Text type="secondary">{label(staffPosts, touchpoint.post)}</Typography.Text>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
        {touchpoint.standard}
      </Typography.Paragraph>
      {live ? (
        <Flex wrap gap={4} style={{ fontSize: 12 }}>
          <Tag>{`${t('journey.tickets')} ${live.tickets}`}</Tag>
          {live.slaMissedRate !== null ? (
            <Tag color={live.slaMissedRate > 0.15 ? 'red' : 'default'}>{`${t('journey.slaMissed')} ${percent(live.slaMissedRate)}`}</Tag>
          ) : null}
          {live.csatAverage !== null ? <Tag>{`${t('journey.csat')} ${score(live.csatAverage)}`}</Tag> : null}
          {live.peakEndScore !== null ? <Tag color="purple">{`${t('journey.peakEnd')} ${score(live.peakEndScore)}`}</Tag> : null}
          {live.surveySatisfaction !== null ? (
            <Tooltip title={t('journey.answers', { count: live.surveyAnswers })}>
              <Tag color="blue">{`${t('journey.survey')} ${percent(live.surveySatisfaction)}`}</Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}

/** One journey map: stages as columns, touchpoints coloured by health, versions, and the draft's editing. */
export function JourneyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const message = useMessage();
  const manages = useAbility('journey.manage');
  const { projects } = useProjectScope();
  const journey = useJourney(id);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [days, setDays] = useState(365);
  const [projectId, setProjectId] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<Touchpoint | null>(null);
  const [startingVersion, setStartingVersion] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const data = journey.data;
  const version = data?.versions.find((item) => item.number === chosen) ?? data?.versions[0];
  const live = useJourneyLive(id, version?.number, projectId, days);
  const save = useSaveDraft(id, version?.number ?? 0);
  const publish = usePublishVersion(id);
  const start = useStartVersion(id);
  const editable = manages && version?.status === 'draft';
  const liveById = useMemo(() => new Map(live.data?.touchpoints.map((item) => [item.id, item])), [live.data]);

  const touchpoints = useMemo(() => version?.content.touchpoints ?? [], [version]);
  const stages = journeyStages.values.filter((stage) => touchpoints.some((touchpoint) => touchpoint.stage === stage));

  const chart: ChartOption = useMemo(() => {
    const rated = touchpoints.filter((touchpoint) => liveById.get(touchpoint.id)?.csatAverage !== null && liveById.has(touchpoint.id));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: labelledGrid({ top: 36 }),
      xAxis: { type: 'category', data: rated.map((touchpoint) => touchpoint.name), axisLabel: { interval: 0, rotate: 30, ...longCategoryLabel } },
      yAxis: { type: 'value', min: 0, max: 5 },
      series: [
        { type: 'bar', name: t('journey.csat'), data: rated.map((touchpoint) => Number(liveById.get(touchpoint.id)?.csatAverage?.toFixed(2))) },
        { type: 'bar', name: t('journey.peakEnd'), data: rated.map((touchpoint) => Number(liveById.get(touchpoint.id)?.peakEndScore?.toFixed(2) ?? 0)) },
      ],
    };
  }, [liveById, t, touchpoints]);

  const writeDraft = async (next: Touchpoint[]) => {
    if (!version) return;
    try {
      await save.mutateAsync({ content: { touchpoints: next }, changeNote: version.changeNote });
      void message.success(t('journey.saved'));
      setOpen(null);
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  const saveTouchpoint = (touchpoint: Touchpoint) =>
    void writeDraft(
      touchpoints.some((item) => item.id === touchpoint.id)
        ? touchpoints.map((item) => (item.id === touchpoint.id ? touchpoint : item))
        : [...touchpoints, touchpoint],
    );
  const removeTouchpoint = (touchpointId: string) => void writeDraft(touchpoints.filter((item) => item.id !== touchpointId));
  const addTouchpoint = (stage: JourneyStage) => {
    setOpen({
      id: `tp-${crypto.randomUUID().slice(0, 8)}`,
      stage,
      post: 'steward',
      name: '',
      standard: '',
      indicatorCodes: [],
      categoryCodes: [],
      peak: false,
      end: false,
      delight: '',
    });
  };
  const doPublish = () =>
    Modal.confirm({
      title: t('journey.publishConfirm'),
      onOk: async () => {
        try {
          await publish.mutateAsync(version!.number);
          void message.success(t('journey.publishedDone'));
        } catch (error) {
          void message.error(errorMessage(error, t('common.requestFailed')));
        }
      },
    });
  const doStart = async () => {
    try {
      await start.mutateAsync(changeNote);
      setStartingVersion(false);
      setChangeNote('');
      setChosen(undefined);
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };

  return (
    <>
      <Link to="/experience">
        <ArrowLeftOutlined /> {t('journeys.back')}
      </Link>
      <ListState isPending={journey.isPending} error={journey.error} refetch={journey.refetch}>
        {data && version ? (
          <Flex vertical gap={16} style={{ marginTop: 12 }}>
            <PageHeader
              title={
                <Space>
                  {data.name}
                  <Tag>{label(projectTypes, data.projectType)}</Tag>
                  {data.projectName ? <Tag color="blue">{data.projectName}</Tag> : null}
                </Space>
              }
              extra={
                <>
                  <Select
                    value={version.number}
                    onChange={setChosen}
                    data-testid="journey-version"
                    options={data.versions.map((item) => ({
                      value: item.number,
                      label: t('journey.versionLabel', { number: item.number, status: t(`journey.status.${item.status}`) }),
                    }))}
                  />
                  {manages && version.status === 'draft' ? (
                    <Button type="primary" onClick={doPublish} data-testid="journey-publish">
                      {t('journey.publish')}
                    </Button>
                  ) : null}
                  {manages && data.versions[0]?.status === 'published' ? (
                    <Button onClick={() => setStartingVersion(true)} data-testid="journey-new-version">
                      {t('journey.newVersion')}
                    </Button>
                  ) : null}
                </>
              }
            />
            {version.changeNote ? <Typography.Text type="secondary">{`${t('journey.changeNote')}：${version.changeNote}`}</Typography.Text> : null}
            {!editable && version.status === 'published' && manages ? <Alert type="info" showIcon title={t('journey.readOnly')} /> : null}
            <Flex wrap gap={12} align="center">
              <Typography.Text>{t('journey.period')}</Typography.Text>
              <Segmented
                value={days}
                onChange={(value) => setDays(Number(value))}
                options={[90, 180, 365].map((value) => ({ value, label: t('journey.days', { days: value }) }))}
              />
              {!data.projectId ? (
                <Select
                  allowClear
                  placeholder={t('journey.allProjects')}
                  style={{ minWidth: 200 }}
                  value={projectId}
                  onChange={setProjectId}
                  options={projects.map((project) => ({ value: project.id, label: project.name }))}
                />
              ) : null}
            </Flex>
            <Typography.Text type="secondary">{t('journey.legend')}</Typography.Text>
            <div style={{ overflowX: 'auto' }} data-testid="journey-map">
              <Flex gap={12} align="flex-start" style={{ minWidth: stages.length * 260 }}>
                {stages.map((stage) => (
                  <Flex key={stage} vertical gap={8} style={{ width: 260, flex: 'none' }}>
                    <Typography.Title level={5} style={{ margin: 0, background: '#f0f5ff', padding: '6px 10px', borderRadius: 6 }}>
                      {text(journeyStages.labels[stage])}
                    </Typography.Title>
                    {touchpoints
                      .filter((touchpoint) => touchpoint.stage === stage)
                      .map((touchpoint) => (
                        <TouchpointCard key={touchpoint.id} touchpoint={touchpoint} live={liveById.get(touchpoint.id)} onOpen={() => setOpen(touchpoint)} />
                      ))}
                    {editable ? (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => addTouchpoint(stage)}>
                        {t('journey.addTouchpoint')}
                      </Button>
                    ) : null}
                  </Flex>
                ))}
              </Flex>
            </div>
            <Card
              title={`${t('journey.csat')} / ${t('journey.peakEnd')}`}
              extra={<Typography.Text type="secondary">{t('journey.peakEndHint')}</Typography.Text>}
            >
              <EChart option={chart} height={300} testId="journey-peak-end-chart" />
            </Card>
            <TouchpointDrawer
              touchpoint={open}
              live={open ? liveById.get(open.id) : undefined}
              editable={Boolean(editable)}
              saving={save.isPending}
              onClose={() => setOpen(null)}
              onSave={saveTouchpoint}
              onRemove={removeTouchpoint}
            />
            <Modal
              open={startingVersion}
              title={t('journey.newVersionTitle', { number: (data.versions[0]?.number ?? 0) + 1 })}
              onCancel={() => setStartingVersion(false)}
              onOk={() => void doStart()}
              okButtonProps={{ disabled: changeNote.trim().length === 0, loading: start.isPending }}
            >
              <Input.TextArea
                value={changeNote}
                onChange={(event) => setChangeNote(event.target.value)}
                placeholder={t('journey.newVersionNote')}
                maxLength={500}
                data-testid="journey-change-note"
              />
            </Modal>
          </Flex>
        ) : null}
      </ListState>
    </>
  );
}

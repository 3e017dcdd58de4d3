import { BellOutlined, CheckCircleOutlined, DownloadOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { householdStatuses } from '@manyi/core';
import { Alert, Button, Card, Descriptions, Modal, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useBuildingsOf, useCampaign, useCampaignCommand, useCampaignProgress, useSendReminders, postForFile, type Campaign } from '../../api/campaigns';
import { errorMessage } from '../../api/problem';
import { useProjectOptions } from '../../api/projects';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpin } from '../../shared/PageSpin';
import { formatDateTime } from '../../shared/time';
import { campaignStatusColours, useCanManageCampaigns } from './campaign-labels';
import { InvitationsCard } from './InvitationsCard';
import { PlanPanel } from './PlanPanel';
import { ProgressCard } from './ProgressCard';

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Who the campaign reaches, in words. */
function PopulationText({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const projects = useProjectOptions();
  const buildings = useBuildingsOf(campaign.population.projectIds);
  const { population } = campaign;
  const projectNames = population.projectIds.map((id) => projects.data?.find((project) => project.id === id)?.name ?? '…');
  const buildingNames = population.buildingIds.map((id) => buildings.find((building) => building.id === id)?.name ?? '…');
  return (
    <>
      {projectNames.length ? projectNames.join('、') : t('campaigns.allProjects')}
      {buildingNames.length ? ` · ${buildingNames.join('、')}` : ''}
      {population.householdStatuses.length ? ` · ${population.householdStatuses.map((status) => label(householdStatuses, status)).join('、')}` : ''}
      {population.ownerTags.map((tag) => (
        <Tag key={tag} style={{ marginInlineStart: 8 }}>
          {tag}
        </Tag>
      ))}
    </>
  );
}

/** One campaign: its plan, status actions, hand-out (links, posters), reminders and progress. */
export function CampaignDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useMessage();
  const canManage = useCanManageCampaigns();
  const campaign = useCampaign(id);
  const command = useCampaignCommand(id ?? '');
  const reminders = useSendReminders(id ?? '');
  const launched = campaign.data !== undefined && campaign.data.status !== 'draft';
  const progress = useCampaignProgress(id, launched);

  if (campaign.isPending) return <PageSpin />;
  if (campaign.error || !campaign.data) {
    return <Alert type="error" showIcon title={campaign.error ? errorMessage(campaign.error, t('campaigns.notFound')) : t('campaigns.notFound')} />;
  }
  const data = campaign.data;

  const confirm = (content: string, action: () => Promise<void>) => {
    Modal.confirm({
      content,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await action();
        } catch (error) {
          void message.error(errorMessage(error, t('common.requestFailed')));
        }
      },
    });
  };
  const run = (which: 'launch' | 'close') =>
    confirm(which === 'launch' ? t('campaigns.launchConfirm', { count: data.plan.invitations }) : t('campaigns.closeConfirm'), async () => {
      await command.mutateAsync(which);
      void message.success(which === 'launch' ? t('campaigns.launched') : t('campaigns.closed'));
    });
  const downloadLinks = () =>
    confirm(t('campaigns.linksConfirm'), async () => saveBlob(await postForFile(`/campaigns/${data.id}/links`), `${data.name}-links.xlsx`));
  const printPosters = () =>
    confirm(t('campaigns.postersConfirm'), async () => {
      const html = await postForFile(`/campaigns/${data.id}/posters`);
      const opened = window.open(URL.createObjectURL(html), '_blank');
      if (!opened) void message.warning(t('campaigns.popupBlocked'));
    });
  const remind = () =>
    confirm(t('campaigns.remindConfirm', { hours: data.reminderIntervalHours }), async () => {
      const result = await reminders.mutateAsync({});
      void message.success(
        t('campaigns.reminded', { households: result.households, messages: result.messages, skipped: result.skippedRecent, withoutPhone: result.withoutPhone }),
      );
    });

  const actions = [
    <Button key="back" onClick={() => navigate('/campaigns')}>
      {t('common.back')}
    </Button>,
    launched ? (
      <Button key="results" onClick={() => navigate(`/campaigns/${data.id}/results`)} data-testid="campaign-results">
        {t('results.title')}
      </Button>
    ) : null,
    data.status !== 'closed' ? (
      <Button key="links" icon={<DownloadOutlined />} disabled={!launched} onClick={downloadLinks} data-testid="campaign-links">
        {t('campaigns.links')}
      </Button>
    ) : null,
    data.status !== 'closed' ? (
      <Tooltip key="posters" title={data.plan.kind === 'census' ? undefined : t('campaigns.postersCensusOnly')}>
        <Button icon={<PrinterOutlined />} disabled={data.plan.kind !== 'census'} onClick={printPosters} data-testid="campaign-posters">
          {t('campaigns.posters')}
        </Button>
      </Tooltip>
    ) : null,
    canManage && data.status === 'open' ? (
      <Button key="remind" icon={<BellOutlined />} loading={reminders.isPending} onClick={remind} data-testid="campaign-remind">
        {t('campaigns.remind')}
      </Button>
    ) : null,
    canManage && data.status === 'draft' ? (
      <Button key="launch" type="primary" icon={<SendOutlined />} loading={command.isPending} onClick={() => run('launch')} data-testid="campaign-launch">
        {t('campaigns.launch')}
      </Button>
    ) : null,
    canManage && data.status === 'open' ? (
      <Button key="close" danger icon={<CheckCircleOutlined />} loading={command.isPending} onClick={() => run('close')} data-testid="campaign-close">
        {t('campaigns.close')}
      </Button>
    ) : null,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title={
          <>
            {data.name}{' '}
            <Tag color={campaignStatusColours[data.status]} data-testid="campaign-status">
              {t(`campaigns.statuses.${data.status}`)}
            </Tag>
          </>
        }
        extra={actions}
      />
      <Card title={t('campaigns.details')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('campaigns.survey')}>
            {data.surveyName} · {t('campaigns.versionOption', { version: data.surveyVersion })}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.period')}>
            {formatDateTime(data.opensAt)} ~ {formatDateTime(data.closesAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.population')}>
            <PopulationText campaign={data} />
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.sampling')}>
            {t(`campaigns.kinds.${data.plan.kind}`)}
            {data.plan.seed !== null ? ` · ${t('campaigns.seed')} ${data.plan.seed}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.contactInterval')}>{data.contactIntervalDays}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.reminderInterval')}>{data.reminderIntervalHours}</Descriptions.Item>
        </Descriptions>
      </Card>
      <PlanPanel plan={data.plan} />
      {launched ? <ProgressCard progress={progress.data} loading={progress.isPending} /> : null}
      {launched ? <InvitationsCard campaignId={data.id} open={data.status === 'open'} /> : null}
    </>
  );
}

import { UploadOutlined } from '@ant-design/icons';
import { ticketStatuses, type TicketStatus } from '@manyi/core';
import { Button, Card, Flex, Segmented, Select, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSurveyFollowups, type FollowupState, type SurveyFollowup } from '../../api/survey-followups';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { CursorTable } from '../../shared/CursorTable';
import { PageHeader } from '../../shared/PageHeader';
import { formatDateTime } from '../../shared/time';
import { statusColours } from '../service-desk/ticket-colours';
import { ConversionCard } from './ConversionCard';

const shorten = (text: string) => (text.length > 14 ? `${text.slice(0, 13)}…` : text);

function Reasons({ followup }: { followup: SurveyFollowup }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {followup.reasons.map((reason) => (
        // Questionnaire titles are whole sentences: the tag shows the start, the tooltip all of it.
        <Tooltip key={`${reason.questionKey}.${reason.item}`} title={reason.label}>
          <Tag color={reason.reason === 'detractor' ? 'volcano' : 'orange'}>
            {reason.reason === 'detractor'
              ? t('surveyFollowups.detractor', { value: reason.value })
              : t('surveyFollowups.dissatisfied', {
                  question: shorten(reason.label),
                  label: t(`surveyFollowups.ratingLabels.${reason.value === 1 ? '1' : '2'}`),
                })}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

/**
 * 调查 → 回访任务: the recovery follow-ups the closed-loop pass opened (issue 4 §7), overdue ones
 * highlighted, each linked to its ticket; with a campaign chosen, how its previous wave's
 * detractors answered this time.
 */
export function SurveyFollowupsPage() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const navigate = useNavigate();
  const { projectId } = useProjectScope();
  const [search, setSearch] = useSearchParams();
  const campaignId = search.get('campaignId') ?? undefined;
  const [state, setState] = useState<FollowupState | 'all'>('all');
  const list = useSurveyFollowups({ campaignId, projectId, state: state === 'all' ? undefined : state });

  // Campaigns known from the follow-ups seen so far, and the one in the address (a results page links here with it).
  const [seen, setSeen] = useState<Record<string, string>>({});
  const campaigns = useMemo(() => {
    const names = { ...seen };
    for (const item of list.items) names[item.campaignId] = item.campaignName;
    return names;
  }, [list.items, seen]);

  const columns: ColumnsType<SurveyFollowup> = [
    { title: t('surveyFollowups.household'), dataIndex: 'householdLabel', width: 150 },
    { title: t('surveyFollowups.campaign'), dataIndex: 'campaignName', width: 180, ellipsis: true },
    { title: t('surveyFollowups.reasons'), key: 'reasons', render: (_value, followup) => <Reasons followup={followup} /> },
    {
      title: t('surveyFollowups.ticket'),
      key: 'ticket',
      width: 180,
      render: (_value, followup) =>
        followup.ticket ? (
          <Link to={`/service-desk/${followup.ticket.id}`} data-testid="followup-ticket-link">
            {followup.ticket.number}
          </Link>
        ) : (
          <Tag>{t('surveyFollowups.noContact')}</Tag>
        ),
    },
    {
      title: t('surveyFollowups.status'),
      key: 'status',
      width: 100,
      render: (_value, followup) =>
        followup.ticket ? (
          <Tag color={statusColours[followup.ticket.status as TicketStatus]}>{label(ticketStatuses, followup.ticket.status as TicketStatus)}</Tag>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('surveyFollowups.dueAt'),
      dataIndex: 'dueAt',
      width: 170,
      render: (value: string, followup) =>
        followup.overdue ? (
          <Typography.Text type="danger" strong data-testid="followup-overdue">
            {formatDateTime(value)} · {t('surveyFollowups.overdue')}
          </Typography.Text>
        ) : (
          formatDateTime(value)
        ),
    },
    { title: t('surveyFollowups.createdAt'), dataIndex: 'createdAt', width: 150, render: (value: string) => formatDateTime(value) },
  ];

  const pickCampaign = (value: string | undefined) => {
    if (value && campaigns[value]) setSeen((previous) => ({ ...previous, [value]: campaigns[value]! }));
    const next = new URLSearchParams(search);
    if (value) next.set('campaignId', value);
    else next.delete('campaignId');
    setSearch(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('surveyFollowups.title')}
        extra={
          <Button icon={<UploadOutlined />} onClick={() => void navigate('/survey-imports')}>
            {t('surveyFollowups.importLink')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('surveyFollowups.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <Flex wrap gap={12} align="center">
          <Select
            allowClear
            style={{ minWidth: 240 }}
            placeholder={t('surveyFollowups.allCampaigns')}
            value={campaignId}
            onChange={pickCampaign}
            options={Object.entries(campaigns).map(([value, name]) => ({ value, label: name }))}
            data-testid="followup-campaign"
          />
          <Segmented<FollowupState | 'all'>
            value={state}
            onChange={setState}
            options={(['all', 'open', 'overdue', 'closed'] as const).map((value) => ({ value, label: t(`surveyFollowups.state.${value}`) }))}
            data-testid="followup-state"
          />
        </Flex>
        {campaignId ? <ConversionCard campaignId={campaignId} /> : null}
        <Card size="small">
          <CursorTable<SurveyFollowup>
            list={list}
            columns={columns}
            empty={t('surveyFollowups.empty')}
            scrollX={1000}
            testId="followup-table"
            rowClassName={(followup) => (followup.overdue ? 'followup-overdue' : '')}
            onRow={(followup) => ({ style: followup.overdue ? { background: '#fff1f0' } : {} })}
          />
        </Card>
      </Flex>
    </>
  );
}

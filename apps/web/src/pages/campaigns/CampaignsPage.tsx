import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCampaigns, type Campaign, type CampaignStatus } from '../../api/campaigns';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';
import { PageHeader } from '../../shared/PageHeader';
import { formatDate } from '../../shared/time';
import { campaignStatusColours, useCanManageCampaigns } from './campaign-labels';

const statuses: CampaignStatus[] = ['draft', 'open', 'closed'];

/** Every wave of every survey the user's projects take part in; a row opens its detail page. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCanManageCampaigns();
  const [status, setStatus] = useState<CampaignStatus>();
  const list = useCampaigns(status);

  const columns: ColumnsType<Campaign> = [
    {
      title: t('campaigns.name'),
      dataIndex: 'name',
      render: (name: string, campaign) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {campaign.surveyName} · {t('campaigns.versionOption', { version: campaign.surveyVersion })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('campaigns.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: CampaignStatus) => <Tag color={campaignStatusColours[value]}>{t(`campaigns.statuses.${value}`)}</Tag>,
    },
    { title: t('campaigns.sampling'), key: 'sampling', width: 160, render: (_value, campaign) => t(`campaigns.kinds.${campaign.plan.kind}`) },
    { title: t('campaigns.sampleSize'), key: 'sample', width: 110, render: (_value, campaign) => campaign.plan.sampleSize },
    {
      title: t('campaigns.period'),
      key: 'period',
      width: 220,
      render: (_value, campaign) => `${formatDate(campaign.opensAt)} ~ ${formatDate(campaign.closesAt)}`,
    },
    { title: t('campaigns.createdAt'), dataIndex: 'createdAt', width: 120, render: (value: string) => formatDate(value) },
  ];

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/campaigns/new')} data-testid="campaign-create">
              {t('campaigns.create')}
            </Button>
          ) : null
        }
      />
      <Select
        allowClear
        placeholder={t('campaigns.status')}
        value={status}
        onChange={setStatus}
        options={statuses.map((value) => ({ value, label: t(`campaigns.statuses.${value}`) }))}
        style={{ width: 160, marginBottom: 16 }}
      />
      <ListState isPending={list.isPending} error={list.error} refetch={list.refetch}>
        <Table<Campaign>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          loading={list.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: <ListEmpty description={t('campaigns.empty')} /> }}
          onRow={(campaign) =>
            ({
              onClick: () => navigate(`/campaigns/${campaign.id}`),
              style: { cursor: 'pointer' },
              'data-testid': 'campaign-row',
            }) as HTMLAttributes<HTMLElement>
          }
          data-testid="campaigns-table"
        />
      </ListState>
    </>
  );
}

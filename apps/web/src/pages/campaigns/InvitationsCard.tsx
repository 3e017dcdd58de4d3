import { LinkOutlined } from '@ant-design/icons';
import { Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvitations, useRegenerateLink, type Invitation, type InvitationStatus } from '../../api/campaigns';
import { errorMessage } from '../../api/problem';
import { useMessage } from '../../shared/MessageProvider';
import { formatDateTime } from '../../shared/time';

const statuses: InvitationStatus[] = ['invited', 'opened', 'partial', 'completed', 'expired'];
const statusColours: Record<InvitationStatus, string> = { invited: 'default', opened: 'blue', partial: 'orange', completed: 'green', expired: 'red' };

/**
 * The households a launched campaign invited, with where each one stands, and a new link for one
 * household (an owner who lost the message or asks at the front desk): the old link stops working
 * and the new one is shown once, to copy into a message.
 */
export function InvitationsCard({ campaignId, open }: { campaignId: string; open: boolean }) {
  const { t } = useTranslation();
  const message = useMessage();
  const [status, setStatus] = useState<InvitationStatus | undefined>();
  const [search, setSearch] = useState('');
  const invitations = useInvitations(campaignId, status, true);
  const regenerate = useRegenerateLink(campaignId);
  const rows = useMemo(() => (invitations.data?.items ?? []).filter((row) => row.householdLabel.includes(search.trim())), [invitations.data, search]);

  const newLink = (row: Invitation) =>
    Modal.confirm({
      content: t('campaigns.newLinkConfirm', { household: row.householdLabel }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { link } = await regenerate.mutateAsync(row.id);
          Modal.info({
            title: t('campaigns.newLinkTitle', { household: row.householdLabel }),
            content: (
              <Typography.Paragraph copyable={{ text: link }} data-testid="invitation-new-link">
                {link}
              </Typography.Paragraph>
            ),
            okText: t('common.close'),
          });
        } catch (error) {
          void message.error(errorMessage(error, t('common.requestFailed')));
        }
      },
    });

  return (
    <Card
      title={t('campaigns.invitations')}
      size="small"
      style={{ marginTop: 16 }}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('campaigns.invitationSearch')}
            onSearch={setSearch}
            onChange={(event) => {
              if (!event.target.value) setSearch('');
            }}
            style={{ width: 200 }}
            data-testid="invitation-search"
          />
          <Select
            allowClear
            placeholder={t('campaigns.invitationStatus')}
            style={{ width: 140 }}
            value={status}
            onChange={(value?: InvitationStatus) => setStatus(value)}
            options={statuses.map((value) => ({ value, label: t(`campaigns.${value}`) }))}
          />
        </Space>
      }
    >
      <Table<Invitation>
        rowKey="id"
        size="small"
        loading={invitations.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('campaigns.invitationsEmpty') }}
        scroll={{ x: 720 }}
        columns={[
          { title: t('campaigns.household'), dataIndex: 'householdLabel' },
          {
            title: t('campaigns.invitationStatus'),
            dataIndex: 'status',
            render: (value: InvitationStatus) => <Tag color={statusColours[value]}>{t(`campaigns.${value}`)}</Tag>,
          },
          { title: t('campaigns.openedAt'), dataIndex: 'openedAt', render: (value: string | null) => (value ? formatDateTime(value) : '—') },
          { title: t('campaigns.completedAt'), dataIndex: 'completedAt', render: (value: string | null) => (value ? formatDateTime(value) : '—') },
          { title: t('campaigns.reminders'), dataIndex: 'reminderCount' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row) =>
              open && row.status !== 'completed' && row.status !== 'expired' ? (
                <Button size="small" icon={<LinkOutlined />} onClick={() => newLink(row)} data-testid="invitation-new-link-button">
                  {t('campaigns.newLink')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAlerts, useReadAlert, useReadAllAlerts, type Alert } from '../api/alerts';
import { useVocabulary } from '../i18n/vocabulary';
import { ItemList } from '../shared/ItemList';
import { ListEmpty } from '../shared/ListEmpty';
import { LoadMoreFooter } from '../shared/LoadMoreFooter';
import { useNotifiedAction } from '../shared/useNotifiedAction';
import { formatDateTime } from '../shared/time';
import { useProjectScope } from './ProjectScope';

const kindColours: Record<Alert['kind'], string> = { warning: 'orange', breach: 'red', escalation: 'magenta', update_reminder: 'gold', hold_expired: 'blue' };

function AlertRow({ alert, onOpen }: { alert: Alert; onOpen: (alert: Alert) => void }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const { token } = theme.useToken();
  const unread = alert.readAt === null;
  return (
    <div
      role="button"
      tabIndex={0}
      onClick={() => onOpen(alert)}
      onKeyDown={(event) => (event.key === 'Enter' ? onOpen(alert) : undefined)}
      style={{ padding: '10px 12px', cursor: 'pointer', background: unread ? token.colorPrimaryBg : undefined }}
      data-testid="alert-item"
      data-unread={unread}
    >
      <Flex justify="space-between" gap={8}>
        <span>
          <Tag color={kindColours[alert.kind]}>{text(alert.kindLabel)}</Tag>
          <Typography.Text strong>{alert.ticketNumber}</Typography.Text>
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {formatDateTime(alert.createdAt)}
        </Typography.Text>
      </Flex>
      <Typography.Text ellipsis style={{ display: 'block', marginTop: 4 }}>
        {alert.ticketTitle}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text(alert.targetLabel)}
        {alert.dueAt ? ` · ${t('alerts.dueAt', { time: formatDateTime(alert.dueAt) })}` : ''}
        {alert.kind === 'escalation' ? ` · ${t('alerts.level', { level: alert.level })}` : ''}
        {` · ${alert.projectName}`}
      </Typography.Text>
    </div>
  );
}

/** The header bell: unread SLA warnings, breaches and escalations of the projects in scope, polled each minute. */
export function AlertsBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { projectId } = useProjectScope();
  const [open, setOpen] = useState(false);
  const alerts = useAlerts(projectId);
  const read = useReadAlert();
  const readAll = useReadAllAlerts();
  const run = useNotifiedAction();

  const openAlert = (alert: Alert) => {
    setOpen(false);
    if (!alert.readAt) read.mutate(alert.id);
    void navigate(`/service-desk/${alert.ticketId}`);
  };

  const content = (
    <div style={{ width: 360, maxWidth: 'calc(100vw - 32px)' }}>
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px' }}>
        <Typography.Text strong>{t('alerts.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={alerts.unreadCount === 0}
          loading={readAll.isPending}
          onClick={() => void run(() => readAll.mutateAsync(projectId), 'saved')}
          data-testid="alerts-read-all"
        >
          {t('alerts.readAll')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 420, overflow: 'auto' }}>
        <ItemList
          items={alerts.items}
          rowKey={(alert) => alert.id}
          renderItem={(alert) => <AlertRow alert={alert} onOpen={openAlert} />}
          empty={<ListEmpty description={t('alerts.empty')} />}
          bordered
          testId="alerts-list"
        />
        <LoadMoreFooter
          count={alerts.items.length}
          hasNextPage={alerts.hasNextPage}
          isFetchingNextPage={alerts.isFetchingNextPage}
          fetchNextPage={alerts.fetchNextPage}
        />
      </div>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} arrow={false}>
      <Button type="text" aria-label={t('alerts.title')} data-testid="alerts-bell">
        <Badge count={alerts.unreadCount} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
        {/* The badge hides a zero; tests and screen readers read the figure here. */}
        <span hidden data-testid="alerts-count">
          {alerts.unreadCount}
        </span>
      </Button>
    </Popover>
  );
}

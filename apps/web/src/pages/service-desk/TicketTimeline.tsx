import { EyeOutlined } from '@ant-design/icons';
import { ticketActions, ticketStatuses, type TicketAction } from '@manyi/core';
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '../../api/ticket-types';
import { useSystemText } from '../../i18n/system-text';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListEmpty } from '../../shared/ListEmpty';
import { formatDateTime } from '../../shared/time';

const otherKinds = [
  'created',
  'edited',
  'note',
  'owner_update',
  'merged_from',
  'handover_requested',
  'handover_accepted',
  'handover_declined',
  'visit_attempt',
  'clear_saved',
  'recovery_saved',
  'attachment',
  'grab',
  'pooled',
  'escalation',
  'warning',
  'update_reminder',
] as const;
type OtherKind = (typeof otherKinds)[number];

function isAction(kind: string): kind is TicketAction {
  return (ticketActions.values as readonly string[]).includes(kind);
}

function isOtherKind(kind: string): kind is OtherKind {
  return (otherKinds as readonly string[]).includes(kind);
}

function colour(event: TicketEvent): string {
  if (event.kind === 'escalation' || event.kind === 'warning' || event.kind === 'reopen') return 'red';
  if (event.kind === 'visit' || event.kind === 'close' || event.kind === 'resolve') return 'green';
  if (event.actorKind === 'owner') return 'orange';
  if (event.kind === 'note') return 'gray';
  return 'blue';
}

/** Every event of the ticket in order, marking what the owner also sees. */
export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const systemText = useSystemText();
  if (events.length === 0) return <ListEmpty description={t('serviceDesk.timeline.empty')} />;
  const title = (event: TicketEvent) => {
    if (isAction(event.kind)) {
      const move = event.toStatus ? ` → ${label(ticketStatuses, event.toStatus)}` : '';
      return `${label(ticketActions, event.kind)}${move}`;
    }
    return isOtherKind(event.kind) ? t(`serviceDesk.events.${event.kind}`) : event.kind;
  };
  return (
    <div data-testid="ticket-timeline" style={{ paddingTop: 8 }}>
      <Timeline
        items={events.map((event) => ({
          key: event.id,
          color: colour(event),
          content: (
            <div data-testid="ticket-event" data-kind={event.kind}>
              <Typography.Text strong>{title(event)}</Typography.Text>
              {event.visibleToOwner ? (
                <Tag icon={<EyeOutlined />} style={{ marginInlineStart: 8 }}>
                  {t('serviceDesk.timeline.ownerVisible')}
                </Tag>
              ) : null}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(event.at)} · {systemText(event.actorName)}
                </Typography.Text>
              </div>
              {event.note ? <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{systemText(event.note)}</Typography.Paragraph> : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}

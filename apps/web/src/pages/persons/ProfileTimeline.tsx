import { Timeline, Typography } from 'antd';
import { ticketActions, ticketStatuses, type TicketAction, type TicketStatus } from '@manyi/core';
import { useTranslation } from 'react-i18next';
import { useSystemText } from '../../i18n/system-text';
import { useVocabulary } from '../../i18n/vocabulary';
import type { TimelineEntry } from '../../api/types';
import { ListEmpty } from '../../shared/ListEmpty';
import { formatDateTime } from '../../shared/time';

/** Colour by kind so complaints stand out from routine contacts; unknown kinds stay neutral. */
function entryColour(kind: string): string {
  if (kind.includes('complaint') || kind.includes('escalat')) return 'red';
  if (kind.includes('survey') || kind.includes('visit') || kind.includes('rating')) return 'green';
  if (kind.includes('ticket')) return 'blue';
  return 'gray';
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(describe).join('、');
  return JSON.stringify(value);
}

/**
 * Detail is free-form per kind: a sentence is shown as is, a small object as "label: value" pairs in
 * the reader's language. Internal ids are never shown, a ticket's event and status read as words
 * (issue 15 §3: no raw codes).
 */
function DetailText({ detail }: { detail: unknown }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  if (detail === null || detail === undefined || detail === '') return null;
  const value = (key: string, raw: unknown): string => {
    if (key === 'event' && typeof raw === 'string' && (ticketActions.values as readonly string[]).includes(raw))
      return label(ticketActions, raw as TicketAction);
    if (key === 'status' && typeof raw === 'string' && (ticketStatuses.values as readonly string[]).includes(raw))
      return label(ticketStatuses, raw as TicketStatus);
    return describe(raw);
  };
  const text =
    typeof detail === 'object' && !Array.isArray(detail)
      ? Object.entries(detail as Record<string, unknown>)
          .filter(([key]) => !/Id$|Ids$/.test(key))
          .map(([key, raw]) => `${t(`profile.detailKeys.${key}`, { defaultValue: key })}${t('profile.detailColon')}${value(key, raw)}`)
          .join(' · ')
      : typeof detail === 'string'
        ? detail
        : describe(detail);
  return <Typography.Paragraph style={{ margin: '4px 0 0' }}>{text}</Typography.Paragraph>;
}

export function ProfileTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const systemText = useSystemText();
  if (entries.length === 0) {
    return (
      <div data-testid="profile-timeline">
        <ListEmpty description={t('profile.noTimeline')} />
      </div>
    );
  }
  return (
    <div data-testid="profile-timeline" style={{ paddingTop: 8 }}>
      <Timeline
        items={entries.map((entry) => ({
          key: entry.id,
          color: entryColour(entry.kind),
          content: (
            <div data-testid="timeline-entry">
              <Typography.Text strong>{systemText(entry.title)}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.occurredAt)}
                  {entry.actorName ? ` · ${systemText(entry.actorName)}` : ''}
                </Typography.Text>
              </div>
              <DetailText detail={entry.detail} />
            </div>
          ),
        }))}
      />
    </div>
  );
}

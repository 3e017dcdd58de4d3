import { useSystemText } from '../../i18n/system-text';
import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useActiveIncidents, useIncidents } from '../../api/incidents';
import { formatDateTime } from '../../shared/time';

type ActiveIncidentScriptsProps = { projectId: string | undefined; householdId: string | undefined; categoryCode: string | undefined };

/**
 * During an outage the hotline agent reads the prepared script instead of improvising: every
 * incident in effect for the caller's household (or project) and category, above the form.
 */
export function ActiveIncidentScripts({ projectId, householdId, categoryCode }: ActiveIncidentScriptsProps) {
  const { t } = useTranslation();
  const systemText = useSystemText();
  const active = useActiveIncidents({ projectId, householdId, categoryCode });
  const incidents = active.data?.items ?? [];
  if (incidents.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="active-incidents">
      {incidents.map((incident) => (
        <Alert
          key={incident.id}
          type="warning"
          showIcon
          data-testid="active-incident"
          title={
            <>
              <Typography.Text strong>{systemText(incident.title)}</Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                · {formatDateTime(incident.startsAt)}
                {incident.endsAt ? ` ~ ${formatDateTime(incident.endsAt)}` : ''}
              </Typography.Text>
            </>
          }
          description={
            incident.callScript ? (
              <details open>
                <summary style={{ cursor: 'pointer' }}>{t('incidents.callScript')}</summary>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="active-incident-script">
                  {incident.callScript}
                </Typography.Paragraph>
              </details>
            ) : null
          }
        />
      ))}
    </Flex>
  );
}

/** "Part of …" on a ticket that an incident links. */
export function TicketIncidentLink({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const systemText = useSystemText();
  const linked = useIncidents({ ticketId });
  const incidents = linked.data?.items ?? [];
  if (incidents.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="ticket-incident"
      title={
        <>
          {t('incidents.partOf')}{' '}
          {incidents.map((incident) => (
            <Link key={incident.id} to={`/incidents?open=${incident.id}`} style={{ marginInlineEnd: 8 }}>
              {systemText(incident.title)}
            </Link>
          ))}
        </>
      }
    />
  );
}

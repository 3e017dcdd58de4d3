import type { OwnerPrincipal } from '../http/principal';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { markReceiptRead, noticesOfPerson } from './repository';

type OwnerContext = Context<OwnerPrincipal>;

/** The owner's notices, newest first, with what they have not read yet. */
export async function listOwnerNotices(context: OwnerContext) {
  const { tenantId, personId } = context.principal;
  const rows = await noticesOfPerson(context.db, tenantId, personId);
  return {
    items: rows.map(({ incident, deliveredAt, readAt }) => ({
      id: incident.id,
      kind: incident.kind as 'planned' | 'emergency',
      title: incident.title,
      noticeText: incident.noticeText,
      startsAt: incident.startsAt,
      endsAt: incident.endsAt,
      ended: incident.status === 'closed',
      deliveredAt,
      readAt,
    })),
    unread: rows.filter((row) => row.readAt === null).length,
  };
}

/** The read receipt: the first reading counts; reading again changes nothing. */
export async function markNoticeRead(context: OwnerContext, incidentId: string) {
  const { tenantId, personId } = context.principal;
  const readAt = await markReceiptRead(context.db, { tenantId, incidentId, personId }, context.clock.now());
  if (!readAt) throw notFound();
  return { id: incidentId, readAt };
}

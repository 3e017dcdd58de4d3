import type { ownerNotice } from '@manyi/contracts/incidents';
import type { z } from 'zod';
import type { Context } from '../http/context';
import type { OwnerPrincipal } from '../http/principal';
import { notFound } from '../http/problem';
import { markReceiptRead, noticesOfPerson } from '../incidents/repository';
import { centreNoticesOfPerson, markDeliveryRead } from './repository';

type OwnerContext = Context<OwnerPrincipal>;
type OwnerNotice = z.output<typeof ownerNotice>;

/**
 * The owner's notices (issue 19 §4): the incident notices (停水, 停电) and the notices centre's in one list,
 * unread first, newest first within each; `unread` counts what the owner has not opened.
 */
export async function listOwnerNotices(context: OwnerContext): Promise<{ items: OwnerNotice[]; unread: number }> {
  const { tenantId, personId } = context.principal;
  const [incidentRows, centreRows] = await Promise.all([
    noticesOfPerson(context.db, tenantId, personId),
    centreNoticesOfPerson(context.db, tenantId, personId),
  ]);
  const items: OwnerNotice[] = [
    ...incidentRows.map(({ incident, deliveredAt, readAt }) => ({
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
    ...centreRows.map(({ notice, deliveredAt, readAt }) => ({
      id: notice.id,
      kind: notice.kind as OwnerNotice['kind'],
      title: notice.title,
      noticeText: notice.body,
      startsAt: notice.startsAt,
      endsAt: notice.endsAt,
      ended: notice.endsAt !== null && notice.endsAt <= context.clock.now(),
      deliveredAt,
      readAt,
    })),
  ];
  items.sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null) || b.deliveredAt.getTime() - a.deliveredAt.getTime());
  return { items, unread: items.filter((item) => item.readAt === null).length };
}

/** The read receipt, for either kind: the first reading counts; reading again changes nothing. */
export async function markNoticeRead(context: OwnerContext, id: string): Promise<{ id: string; readAt: Date }> {
  const { tenantId, personId } = context.principal;
  const now = context.clock.now();
  const readAt =
    (await markDeliveryRead(context.db, { tenantId, noticeId: id, personId }, now)) ??
    (await markReceiptRead(context.db, { tenantId, incidentId: id, personId }, now));
  if (!readAt) throw notFound();
  return { id, readAt };
}

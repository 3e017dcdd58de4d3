import { shanghaiDate, shanghaiMidnight, type Label } from '@manyi/core';
import type { z } from 'zod';
import { companyCategories } from '../categories/repository';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem } from '../http/problem';
import type { OwnerPrincipal } from '../http/principal';
import { ticketMessages } from '../tickets/messages';
import { countOwnerTicketsSince, ownerResidents } from '../tickets/owner-repository';
import type { ownerTicketBody } from '@manyi/contracts/owner-tickets';
import { getOwnerTicket } from '../ticket-desk/owner-service';
import { receiptCallOf, receiveTicket } from './receive';

/** Abuse limit of the H5 page: tickets per owner per Shanghai day. Ten is far above what a household really files. */
export const ownerDailyTicketLimit = 10;

const dailyLimitReached: Label = {
  'zh-CN': `您今天已提交 ${ownerDailyTicketLimit} 条报事，已达每日上限。如有紧急情况，请直接拨打物业服务中心电话。`,
  'en-US': `You have submitted ${ownerDailyTicketLimit} reports today, the daily limit. For an emergency, please call the service centre.`,
};

/** An owner reports an issue for one of their households; nobody has taken it yet, so it has no first receiver. */
export async function reportIssue(context: Context<OwnerPrincipal>, input: z.infer<typeof ownerTicketBody>) {
  const tenantId = context.principal.tenantId;
  const residents = await ownerResidents(context.db, context.principal);
  const reporter = residents.find((person) => person.householdId === input.householdId);
  if (!reporter) throw fieldProblem('householdId', ticketMessages.unknown_household);
  const category = input.categoryCode ? (await companyCategories(context.db, tenantId, context.principal.settingsVersion)).get(input.categoryCode) : undefined;
  const today = shanghaiMidnight(shanghaiDate(context.clock.now()));
  // A cap against abuse, checked before the receipt; two reports sent in the same instant may both
  // pass it, as they could inside one READ COMMITTED transaction too.
  if (
    (await countOwnerTicketsSince(
      context.db,
      tenantId,
      residents.map((person) => person.id),
      today,
    )) >= ownerDailyTicketLimit
  ) {
    throw new HttpProblem(429, 'owner_ticket_limit', dailyLimitReached);
  }
  const { ticket } = await receiveTicket(receiptCallOf(context), {
    projectId: reporter.projectId,
    type: input.type,
    channel: 'owner_h5',
    priority: 'normal',
    categoryCode: input.categoryCode ?? null,
    title: input.title ?? category?.nameZh ?? input.description.slice(0, 30),
    description: input.description,
    location: input.location ?? '',
    householdId: reporter.householdId,
    reporterPersonId: reporter.id,
  });
  return getOwnerTicket(context, ticket.id);
}

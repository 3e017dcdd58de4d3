import { householdLabel } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { populationFilter } from '@manyi/contracts/campaigns';
import { recordAudit } from '../audit/record';
import { newToken, tokenDigest } from '../auth/session-repository';
import type { Context, PublicContext } from '../http/context';
import { HttpProblem } from '../http/problem';
import type { OwnerPrincipal } from '../http/principal';
import { setInvitationDigest } from '../campaigns/repository';
import { responseMessages } from './messages';
import {
  findPosterByDigest,
  householdHasTaggedResident,
  insertInvitation,
  invitationWithResponse,
  invitedElsewhereSince,
  residentHomeInBuilding,
} from './repository';

/**
 * The building poster (issue 4 §3 "printable QR posters per building"): an owner scans it, signs
 * in by phone, and is handed a one-time answer link for their own household in that building.
 */
const posterUnknown = () => new HttpProblem(404, 'poster_unknown', responseMessages.poster_unknown);

const posterByToken = (db: Executor, token: string) => findPosterByDigest(db, tokenDigest(token));

const isOpen = (campaign: { status: string; opensAt: Date | null; closesAt: Date | null }, now: Date) =>
  campaign.status === 'open' && !(campaign.opensAt && campaign.opensAt > now) && !(campaign.closesAt && campaign.closesAt <= now);

/** What the page needs before sign-in: which company's sign-in to send the owner to. */
export async function describePoster(context: PublicContext, token: string) {
  const row = await posterByToken(context.db, token);
  if (!row || !isOpen(row.campaign, context.clock.now())) throw posterUnknown();
  return { tenantCode: row.tenant.code, tenantName: row.tenant.name, campaignName: row.campaign.name };
}

/**
 * Whether the campaign's population filter (campaigns/schemas.ts populationFilter: an empty list
 * puts no restriction on that level) takes in this household; owner tags admit it when any of its
 * residents carries one of them.
 */
async function populationAdmits(
  db: Executor,
  tenantId: string,
  population: unknown,
  household: { id: string; projectId: string; buildingId: string; status: string },
): Promise<boolean> {
  const filter = populationFilter.parse(population ?? {});
  const admits = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);
  if (
    !admits(filter.projectIds, household.projectId) ||
    !admits(filter.buildingIds, household.buildingId) ||
    !admits(filter.householdStatuses, household.status)
  )
    return false;
  if (filter.ownerTags.length === 0) return true;
  return householdHasTaggedResident(db, tenantId, household.id, filter.ownerTags);
}

export async function claimPoster(context: Context<OwnerPrincipal>, token: string): Promise<{ answerToken: string; householdLabel: string }> {
  const { principal, db } = context;
  const now = context.clock.now();
  const row = await posterByToken(db, token);
  if (!row || row.poster.tenantId !== principal.tenantId || !isOpen(row.campaign, now)) throw posterUnknown();
  const { poster, campaign } = row;
  // The same resident may be registered under several households (one phone, two flats): any of them in this building.
  const resident = principal.phone ? { phone: principal.phone } : { personId: principal.personId };
  const home = await residentHomeInBuilding(db, principal.tenantId, resident, poster.buildingId);
  if (!home) throw new HttpProblem(422, 'poster_no_household', responseMessages.poster_no_household);
  const label = householdLabel(home.buildingName, home.unitName, home.room);
  const answerToken = newToken();

  return db.transaction(async (tx) => {
    const existing = await invitationWithResponse(tx, principal.tenantId, campaign.id, home.id);
    if (existing) {
      if (existing.status === 'completed' || existing.response === 'complete')
        throw new HttpProblem(410, 'answer_completed', responseMessages.answer_completed);
      // Only digests are stored, so the earlier link cannot be shown again: the signed-in resident gets a fresh one and the old one stops working.
      await setInvitationDigest(tx, principal.tenantId, existing.id, tokenDigest(answerToken));
      return { answerToken, householdLabel: label };
    }
    // The contact-frequency rule (issue 4 §3): an invitation to another campaign within the interval, answered or not, counts as a contact.
    const contactedSince = new Date(now.getTime() - campaign.contactIntervalDays * 86_400_000);
    const recent = await invitedElsewhereSince(tx, principal.tenantId, home.id, campaign.id, contactedSince);
    if (recent || !(await populationAdmits(tx, principal.tenantId, campaign.population, home)))
      throw new HttpProblem(422, 'poster_not_invited', responseMessages.poster_not_invited);
    const invitationId = await insertInvitation(tx, {
      tenantId: principal.tenantId,
      campaignId: campaign.id,
      projectId: home.projectId,
      buildingId: home.buildingId,
      householdId: home.id,
      tokenDigest: tokenDigest(answerToken),
      status: 'invited',
      invitedAt: now,
    });
    await recordAudit(tx, context, {
      action: 'invite',
      entityType: 'survey_invitation',
      entityId: invitationId,
      summary: `业主扫楼栋海报参加调查:${campaign.name}(${label})`,
      after: { campaignId: campaign.id, householdId: home.id, via: 'poster' },
    });
    return { answerToken, householdLabel: label };
  });
}

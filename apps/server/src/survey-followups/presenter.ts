import { householdLabel } from '@manyi/core';
import type { FollowupListRow } from './repository';

const finished = new Set(['closed', 'cancelled', 'merged']);

export function presentFollowup(row: FollowupListRow, now: Date) {
  const { followup, ticket } = row;
  const open = !ticket?.id || !finished.has(ticket.status ?? '');
  return {
    id: followup.id,
    campaignId: followup.campaignId,
    campaignName: row.campaignName,
    responseId: followup.responseId,
    householdId: followup.householdId,
    householdLabel: householdLabel(row.buildingName, row.unitName, row.room),
    projectId: row.projectId,
    reasons: (followup.reasons as { questionKey: string; item: string; value: number; reason: 'detractor' | 'dissatisfied'; label?: string }[]).map(
      (reason) => ({ ...reason, label: reason.label ?? (reason.item ? `${reason.questionKey}.${reason.item}` : reason.questionKey) }),
    ),
    dueAt: followup.dueAt,
    overdue: open && followup.dueAt.getTime() < now.getTime(),
    createdAt: followup.createdAt,
    ticket: ticket?.id
      ? { id: ticket.id, number: ticket.number!, status: ticket.status!, reporterName: ticket.reporterName, resolvedAt: ticket.resolvedAt }
      : null,
  };
}

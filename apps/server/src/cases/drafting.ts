import { draftCase, householdLabel, type DiscStyle } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { closedComplaintsWithoutCase, insertCaseDrafts } from './repository';

/**
 * The case-drafting pass (issue 18 §6): every closed complaint without a case gets a draft (core draftCase),
 * at most `batch` a pass. Runs after the SLA sweep on its timer; idempotent (one case per ticket, unique),
 * so several instances may run it at once.
 */
export async function draftClosedComplaintCases(db: Executor, now: Date, tenantId: string | null = null, batch = 200): Promise<number> {
  const rows = await closedComplaintsWithoutCase(db, tenantId, batch);
  return insertCaseDrafts(
    db,
    rows.map((row) => {
      const draft = draftCase({
        title: row.ticket.title,
        description: row.ticket.description,
        categoryName: row.categoryName,
        householdLabel: row.buildingName && row.room ? householdLabel(row.buildingName, row.unitName, row.room) : null,
        reportedAt: row.ticket.reportedAt,
        closedAt: row.ticket.closedAt,
        reopenCount: row.ticket.reopenCount,
        clear: row.clear,
        recovery: row.recovery,
        visit: row.visit,
        ownerStyle: (row.discStyle as DiscStyle | null) ?? null,
      });
      return {
        tenantId: row.ticket.tenantId,
        projectId: row.ticket.projectId,
        ticketId: row.ticket.id,
        status: 'draft',
        title: draft.title,
        categoryCode: row.ticket.categoryCode,
        discStyle: row.discStyle,
        outcome: draft.outcome,
        content: draft.content,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
}

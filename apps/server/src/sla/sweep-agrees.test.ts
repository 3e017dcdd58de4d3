import { roundTheClock, shanghaiInstant as at, slaState, type SlaDeadline } from '@manyi/core';
import { ticketAlerts, type Connection } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, testDatabase } from '../../test';
import { runSlaSweep } from './sweep';
import { insertTicketWithDeadlines, minutes, plus } from './testing';

let connection: Connection;
beforeAll(async () => {
  connection = await testDatabase();
});
afterAll(() => connection.close());

/**
 * The sweep's batch statement re-implements core's slaState in SQL (start + warnShare × (due −
 * start) for the warning instant, due for the breach). For a round-the-clock target the two are the
 * same rule and must agree at every instant; for a working-hours target the sweep is a documented
 * approximation (sweep.ts). This runs both over the same clocks.
 */
describe('the SLA sweep and core slaState agree on round-the-clock targets', () => {
  it('gives the same state at every minute around the warning and the due instant', async () => {
    const { tenant, project } = await createCompany(connection.db);
    const reportedAt = at('2026-11-22', '23:50'); // a Sunday night: round the clock, no working hours involved
    // A complaint's first response: 30 minutes round the clock, warning at 80 % (core defaults).
    const instants = [0, 10, 23, 24, 25, 29, 30, 31, 45].map((offset) => plus(reportedAt, minutes(offset)));
    for (const now of instants) {
      const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt, type: 'complaint' });
      expect(ticket.responseDueAt!.getTime() - reportedAt.getTime()).toBe(minutes(30));
      await runSlaSweep(connection.db, now, { tenantIds: [tenant.id] });
      const alerts = await connection.db.select().from(ticketAlerts).where(eq(ticketAlerts.ticketId, ticket.id));
      const response = alerts.filter((alert) => alert.target === 'response');
      const swept = response.some((alert) => alert.kind === 'breach') ? 'breached' : response.some((alert) => alert.kind === 'warning') ? 'warning' : 'ok';
      const deadline: SlaDeadline = {
        target: 'first_response',
        start: reportedAt,
        due: ticket.responseDueAt!,
        minutes: 30,
        calendar: roundTheClock,
        pauses: [],
      };
      expect({ at: now.toISOString(), state: swept }).toEqual({ at: now.toISOString(), state: slaState(deadline, now) });
    }
  });
});

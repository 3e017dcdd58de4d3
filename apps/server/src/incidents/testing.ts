import { incidentEvents, incidents, sessions, ticketEvents, tickets } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createBuilding, createHousehold, createPerson, type TestApp } from '../../test';
import type { serviceDesk } from '../tickets/testing';

export type Desk = Awaited<ReturnType<typeof serviceDesk>>;

/** n households in a new building of the desk's project, each with one resident. */
export async function householdsIn(t: TestApp, desk: Desk, buildingName: string, count: number) {
  const db = t.connection.db;
  const tenantId = desk.company.tenant.id;
  const building = await createBuilding(db, tenantId, desk.company.project.id, buildingName);
  const homes = [];
  for (let index = 0; index < count; index += 1) {
    const household = await createHousehold(db, tenantId, building, String(101 + index));
    const person = await createPerson(db, tenantId, household, { name: `住户${buildingName}-${index}` });
    homes.push({ household, person });
  }
  return { building, homes };
}

/** Files a ticket through the API as the hotline agent. */
export async function report(desk: Desk, householdId: string, extra: object = {}) {
  const response = await desk.call(desk.agent.cookie, 'POST', '/tickets', {
    projectId: desk.company.project.id,
    type: 'complaint',
    channel: 'hotline',
    categoryCode: 'engineering.leak',
    priority: 'normal',
    title: '地库漏水',
    description: '业主反映地下车库漏水',
    householdId,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; number: string; isRepeat: boolean; complaintScope: string | null };
}

export async function incidentsOf(t: TestApp, tenantId: string) {
  return t.connection.db.select().from(incidents).where(eq(incidents.tenantId, tenantId));
}

export async function ticketRow(t: TestApp, id: string) {
  const [row] = await t.connection.db.select().from(tickets).where(eq(tickets.id, id));
  return row!;
}

export async function eventsOfTicket(t: TestApp, id: string, kind: string) {
  return t.connection.db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.kind, kind)));
}

export async function eventsOfIncident(t: TestApp, id: string) {
  return t.connection.db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, id));
}

/** The tests move the clock by days; the company's sessions should not expire meanwhile (TTL is 12 h). */
export async function keepSignedIn(t: TestApp, tenantId: string) {
  await t.connection.db
    .update(sessions)
    .set({ expiresAt: new Date('2999-01-01T00:00:00Z') })
    .where(eq(sessions.tenantId, tenantId));
}

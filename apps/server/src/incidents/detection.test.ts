import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';
import { detectGroupIncidents } from './detection';
import { eventsOfIncident, eventsOfTicket, householdsIn, incidentsOf, keepSignedIn, report, ticketRow, type Desk } from './testing';

const hour = 3_600_000;

describe('repeat issues on receipt', () => {
  let t: TestApp;
  let desk: Desk;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-01T02:00:00Z');
    desk = await serviceDesk(t);
    await keepSignedIn(t, desk.company.tenant.id);
  });
  afterAll(() => t.close());

  it('flags the same household and category within 30 days and names the earlier tickets', async () => {
    const { homes } = await householdsIn(t, desk, 'R1', 2);
    const [home, neighbour] = homes;
    const first = await report(desk, home!.household.id);
    expect(first.isRepeat).toBe(false);
    t.clock.advance(10 * 24 * hour);
    const second = await report(desk, home!.household.id);
    expect(second.isRepeat).toBe(true);
    const [event] = await eventsOfTicket(t, second.id, 'repeat_detected');
    expect(event!.note).toContain(first.number);
    expect(event!.data).toMatchObject({ reasons: ['same_unit_and_category'], earlierTicketIds: [first.id], earlierNumbers: [first.number] });
    // Another category, another household: not repeats.
    expect((await report(desk, home!.household.id, { categoryCode: 'order.noise' })).isRepeat).toBe(false);
    expect((await report(desk, neighbour!.household.id)).isRepeat).toBe(false);
    // 30 days is inclusive; a day later the first report has left the window, the second has not.
    t.clock.advance(20 * 24 * hour);
    const third = await report(desk, home!.household.id);
    expect((await eventsOfTicket(t, third.id, 'repeat_detected'))[0]!.data).toMatchObject({ earlierNumbers: [first.number, second.number] });
    t.clock.advance(31 * 24 * hour);
    expect((await report(desk, home!.household.id)).isRepeat).toBe(false);
  });

  it('ignores cancelled earlier tickets (reopened tickets are flagged by the state machine: tickets.test.ts)', async () => {
    const { homes } = await householdsIn(t, desk, 'R2', 1);
    const householdId = homes[0]!.household.id;
    const earlier = await report(desk, householdId, { type: 'repair', categoryCode: 'engineering.drain' });
    const cancel = await desk.call(desk.steward.cookie, 'POST', `/tickets/${earlier.id}/actions`, { action: 'cancel', reason: '业主重复登记' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await report(desk, householdId, { type: 'repair', categoryCode: 'engineering.drain' })).isRepeat).toBe(false);
  });
});

describe('group complaint detection', () => {
  let t: TestApp;
  let desk: Desk;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-10T00:00:00Z');
    desk = await serviceDesk(t);
    await keepSignedIn(t, desk.company.tenant.id);
  });
  afterAll(() => t.close());
  const tenantIds = () => [desk.company.tenant.id];

  it('needs K distinct households within T hours; exactly T apart still counts', async () => {
    const { homes } = await householdsIn(t, desk, 'G1', 6);
    // K = 5 within T = 24 h by default. Four households: nothing.
    for (const home of homes.slice(0, 4)) {
      await report(desk, home.household.id, { categoryCode: 'engineering.elevator.fault', title: '电梯停运' });
      t.clock.advance(6 * hour);
    }
    expect(await detectGroupIncidents(t.connection.db, t.clock.now(), { tenantIds: tenantIds() })).toEqual({ proposed: 0, linked: 0 });
    // The same household calling again is still four households.
    await report(desk, homes[0]!.household.id, { categoryCode: 'engineering.elevator.fault', title: '电梯又停了' });
    expect((await detectGroupIncidents(t.connection.db, t.clock.now(), { tenantIds: tenantIds() })).proposed).toBe(0);
    // The fifth household comes exactly 24 h after the first: a group.
    await report(desk, homes[4]!.household.id, { categoryCode: 'engineering.elevator.fault', title: '电梯停运' });
    const result = await detectGroupIncidents(t.connection.db, t.clock.now(), { tenantIds: tenantIds() });
    expect(result).toEqual({ proposed: 1, linked: 6 });
    const [incident] = (await incidentsOf(t, desk.company.tenant.id)).filter((row) => row.categoryCode === 'engineering.elevator.fault');
    expect(incident).toMatchObject({ kind: 'group', status: 'proposed', projectId: desk.company.project.id });
    expect(incident!.title).toContain('5 户');
    const events = await eventsOfIncident(t, incident!.id);
    expect(events.find((event) => event.kind === 'proposed')).toMatchObject({ recipientRole: 'manager' });

    // Re-running changes nothing.
    expect(await detectGroupIncidents(t.connection.db, t.clock.now(), { tenantIds: tenantIds() })).toEqual({ proposed: 0, linked: 0 });
    // A later household within the window joins on receipt; the console lists the proposal for the manager.
    t.clock.advance(2 * hour);
    const late = await report(desk, homes[5]!.household.id, { categoryCode: 'engineering.elevator.fault', title: '电梯停运' });
    expect((await ticketRow(t, late.id)).incidentId).toBe(incident!.id);
    const listed = (await desk.call(desk.manager.cookie, 'GET', `/incidents?status=proposed&projectId=${desk.company.project.id}`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: incident!.id, ticketCount: 7, householdCount: 6, detected: true, active: true })]);
  });

  it('does not group reports spread wider than T', async () => {
    const { homes } = await householdsIn(t, desk, 'G2', 5);
    for (const home of homes) {
      await report(desk, home.household.id, { categoryCode: 'environment.garbage', title: '垃圾未清运' });
      t.clock.advance(6 * hour + 60_000);
    }
    expect((await detectGroupIncidents(t.connection.db, t.clock.now(), { tenantIds: tenantIds() })).proposed).toBe(0);
    // With T = 25 h they are a group.
    expect((await detectGroupIncidents(t.connection.db, t.clock.now(), { tenantIds: tenantIds(), windowHours: 25 })).proposed).toBe(1);
  });

  it('reads K and T from the company settings, which only company-wide roles change', async () => {
    expect((await desk.call(desk.manager.cookie, 'PUT', '/incident-settings', { minimumHouseholds: 3, windowHours: 2 })).statusCode).toBe(403);
    const saved = await desk.call(desk.admin.cookie, 'PUT', '/incident-settings', { minimumHouseholds: 3, windowHours: 2 });
    expect(saved.json()).toEqual({ minimumHouseholds: 3, windowHours: 2 });
    expect((await desk.call(desk.steward.cookie, 'GET', '/incident-settings')).json()).toEqual({ minimumHouseholds: 3, windowHours: 2 });
    const { homes } = await householdsIn(t, desk, 'G3', 3);
    for (const home of homes) {
      await report(desk, home.household.id, { categoryCode: 'order.noise', title: '夜间施工噪音' });
      t.clock.advance(30 * 60_000);
    }
    expect((await detectGroupIncidents(t.connection.db, t.clock.now(), { tenantIds: tenantIds() })).proposed).toBe(1);
    await desk.call(desk.admin.cookie, 'PUT', '/incident-settings', { minimumHouseholds: 5, windowHours: 24 });
  });

  it('proposes exactly one incident when several instances detect at once', async () => {
    const { homes } = await householdsIn(t, desk, 'G4', 5);
    const reported = [];
    for (const home of homes) reported.push(await report(desk, home.household.id, { categoryCode: 'engineering.public_lighting', title: '楼道灯不亮' }));
    const now = t.clock.now();
    const results = await Promise.all([1, 2, 3, 4].map(() => detectGroupIncidents(t.connection.db, now, { tenantIds: tenantIds() })));
    expect(results.reduce((sum, result) => sum + result.proposed, 0)).toBe(1);
    expect(results.reduce((sum, result) => sum + result.linked, 0)).toBe(5);
    const lighting = (await incidentsOf(t, desk.company.tenant.id)).filter((row) => row.categoryCode === 'engineering.public_lighting');
    expect(lighting).toHaveLength(1);
    for (const ticket of reported) {
      expect((await ticketRow(t, ticket.id)).incidentId).toBe(lighting[0]!.id);
      expect(await eventsOfTicket(t, ticket.id, 'incident_linked')).toHaveLength(1);
    }
  });

  it('confirm makes the linked complaints group complaints; dismiss leaves them as they were', async () => {
    const all = await incidentsOf(t, desk.company.tenant.id);
    const elevator = all.find((row) => row.categoryCode === 'engineering.elevator.fault')!;
    const garbage = all.find((row) => row.categoryCode === 'environment.garbage')!;
    // A steward reads but may not decide.
    expect((await desk.call(desk.steward.cookie, 'POST', `/incidents/${elevator.id}/confirm`, {})).statusCode).toBe(403);
    const confirmed = await desk.call(desk.manager.cookie, 'POST', `/incidents/${elevator.id}/confirm`, { note: '同一部电梯,按群体投诉处理' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const detail = confirmed.json();
    expect(detail.status).toBe('confirmed');
    expect(detail.tickets).toHaveLength(7);
    expect(detail.tickets.every((ticket: { complaintScope: string }) => ticket.complaintScope === 'group')).toBe(true);
    expect(detail.events.map((event: { kind: string }) => event.kind)).toEqual(expect.arrayContaining(['proposed', 'ticket_linked', 'confirmed']));
    // Confirmed once; it cannot be dismissed now.
    expect((await desk.call(desk.manager.cookie, 'POST', `/incidents/${elevator.id}/dismiss`, {})).statusCode).toBe(409);

    const dismissed = (await desk.call(desk.manager.cookie, 'POST', `/incidents/${garbage.id}/dismiss`, { note: '各楼栋情况不同' })).json();
    expect(dismissed.status).toBe('dismissed');
    expect(dismissed.tickets.every((ticket: { complaintScope: string }) => ticket.complaintScope === 'individual')).toBe(true);
    expect((await desk.call(desk.manager.cookie, 'PATCH', `/incidents/${garbage.id}`, { title: '改' })).statusCode).toBe(409);
    // The ticket page finds its incident.
    const byTicket = (await desk.call(desk.steward.cookie, 'GET', `/incidents?ticketId=${detail.tickets[0].id}`)).json();
    expect(byTicket.items.map((item: { id: string }) => item.id)).toEqual([elevator.id]);

    const closed = (await desk.call(desk.manager.cookie, 'POST', `/incidents/${elevator.id}/close`)).json();
    expect(closed, JSON.stringify(closed)).toMatchObject({ status: 'closed', active: false });
  });
});

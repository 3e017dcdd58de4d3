import { auditLogs, sessions, staffProjects, staffUsers, ticketSequences, tickets } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createProject, createStaff, signIn } from '../../test';
import { rememberedPrincipal } from './principal-cache';
import { tokenDigest } from './session-repository';
import { repairBody, serviceDeskBesideAnotherInstance } from '../tickets/testing';

/**
 * The console's receipt route takes the caller's principal from this instance's memory of the
 * session and re-checks it in its place statement. Every change to what the principal is made of,
 * made behind this instance's back (another instance's pool on PostgreSQL; on PGlite the one
 * database, written around the app), must act on the very next receipt, and a refused receipt
 * must write nothing and take no number.
 */
describe('remembered principals on the receipt route: re-checked by the statement that takes the number', () => {
  const env = serviceDeskBesideAnotherInstance();

  const tenantId = () => env.desk.company.tenant.id;
  /** A fresh colleague for each case, signed in, with one receipt made so the instance remembers the session. */
  let caller: Awaited<ReturnType<typeof colleague>>;
  let colleagues = 0;
  async function colleague(name: string) {
    const staff = await createStaff(env.t.connection.db, tenantId(), { roles: ['steward'], projectIds: [env.desk.company.project.id], name, post: 'steward' });
    colleagues += 1;
    return { ...staff, cookie: await signIn(env.t.app, staff.login, staff.password, `10.9.0.${colleagues}`) };
  }
  const digestOf = (cookie: string) => tokenDigest(decodeURIComponent(cookie.split('=')[1]!.split(';')[0]!));
  const remembered = () => rememberedPrincipal(env.t.connection.db, digestOf(caller.cookie), env.t.clock.now());
  const receive = (extra: object = {}, headers: Record<string, string> = {}) => env.t.app.inject({
    method: 'POST', url: '/api/v1/tickets', headers: { cookie: caller.cookie, ...headers }, payload: repairBody(env.desk.company.project.id, extra),
  });
  const ticketCount = async () => (await env.other.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.tenantId, tenantId()))).length;
  const numbersTaken = async () => (await env.other.db.select({ last: ticketSequences.lastValue }).from(ticketSequences)
    .where(eq(ticketSequences.tenantId, tenantId()))).reduce((sum, row) => sum + Number(row.last), 0);
  /** Asserts the call was refused with `status` and left no ticket and no used number behind. */
  async function expectRefusedCleanly(call: Promise<{ statusCode: number }>, status: number) {
    const [ticketsBefore, numbersBefore] = [await ticketCount(), await numbersTaken()];
    expect((await call).statusCode).toBe(status);
    expect(await ticketCount()).toBe(ticketsBefore);
    expect(await numbersTaken()).toBe(numbersBefore);
  }

  beforeEach(async () => {
    caller = await colleague(`热线${Math.random().toString(36).slice(2, 6)}`);
    expect((await receive()).statusCode).toBe(201);
    expect(remembered()?.staffId).toBe(caller.id);
  });

  it('serves the next receipt from memory while nothing changed', async () => {
    const second = await receive();
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ firstReceiver: { id: caller.id, name: caller.name } });
    expect(remembered()?.staffId).toBe(caller.id);
  });

  it('a session deleted by another instance is 401 on the next receipt, and a retry with a used key replays nothing', async () => {
    const key = crypto.randomUUID();
    expect((await receive({}, { 'idempotency-key': key })).statusCode).toBe(201);
    await env.other.db.delete(sessions).where(eq(sessions.id, digestOf(caller.cookie)));
    await expectRefusedCleanly(receive(), 401);
    await expectRefusedCleanly(receive({}, { 'idempotency-key': key }), 401);
    expect(remembered()).toBeUndefined();
  });

  it('a colleague disabled elsewhere (sessions left in place) is 401', async () => {
    await env.other.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, caller.id));
    await expectRefusedCleanly(receive(), 401);
  });

  it('a project taken away elsewhere is refused for that project, and a project given elsewhere is accepted at once', async () => {
    const second = await createProject(env.t.connection.db, tenantId(), { name: '滨江二期' });
    // Given: the remembered principal does not have it, so the refusal is checked against a fresh read.
    await env.other.db.insert(staffProjects).values({ tenantId: tenantId(), staffId: caller.id, projectId: second.id });
    const given = await env.t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: { cookie: caller.cookie }, payload: repairBody(second.id) });
    expect(given.statusCode).toBe(201);
    // Taken: the remembered principal still has it; the place statement finds it gone.
    await env.other.db.delete(staffProjects).where(and(eq(staffProjects.staffId, caller.id), eq(staffProjects.projectId, env.desk.company.project.id)));
    const ticketsBefore = await ticketCount();
    const refused = await receive();
    expect([403, 404]).toContain(refused.statusCode);
    expect(await ticketCount()).toBe(ticketsBefore);
    expect(remembered()?.projectIds).toEqual([second.id]);
  });

  it('roles changed elsewhere apply to the next receipt', async () => {
    await env.other.db.update(staffUsers).set({ roles: ['viewer'] }).where(eq(staffUsers.id, caller.id));
    await expectRefusedCleanly(receive(), 403);
    await env.other.db.update(staffUsers).set({ roles: ['steward'] }).where(eq(staffUsers.id, caller.id));
    expect((await receive()).statusCode).toBe(201);
  });

  it('a name changed elsewhere is the name the receipt and its audit row carry', async () => {
    await env.other.db.update(staffUsers).set({ name: '热线小李(新)' }).where(eq(staffUsers.id, caller.id));
    const response = await receive();
    expect(response.statusCode).toBe(201);
    expect(response.json().firstReceiver).toEqual({ id: caller.id, name: '热线小李(新)' });
    const [audit] = await env.other.db.select({ actorName: auditLogs.actorName }).from(auditLogs)
      .where(and(eq(auditLogs.tenantId, tenantId()), eq(auditLogs.entityId, response.json().id)));
    expect(audit!.actorName).toBe('热线小李(新)');
  });

  it('an expired session is not served from memory', async () => {
    const [session] = await env.other.db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, digestOf(caller.cookie)));
    env.t.clock.set(new Date(session!.expiresAt.getTime() + 1_000).toISOString());
    try {
      expect(remembered()).toBeUndefined();
      await expectRefusedCleanly(receive(), 401);
    } finally {
      env.t.clock.set('2026-11-23T10:00:00Z');
    }
  });

  it('signing out on this instance forgets the session at once', async () => {
    expect((await env.t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: caller.cookie } })).statusCode).toBeLessThan(300);
    expect(remembered()).toBeUndefined();
    await expectRefusedCleanly(receive(), 401);
  });
});

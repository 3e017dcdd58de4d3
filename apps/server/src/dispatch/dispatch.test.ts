import { describe, expect, it } from 'vitest';
import { testAppPerFile, type TestApp } from '../../test';
import { repairBody, serviceDesk } from '../tickets/testing';

describe('dispatch: rules, round-robin, grab and workload', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  testAppPerFile(async (app) => {
    t = app;
    desk = await serviceDesk(t);
  });
  const acceptNew = async (category = 'engineering.leak') => {
    const ticket = (await desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(desk.company.project.id, { categoryCode: category }))).json();
    const accepted = await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return accepted.json();
  };

  it('lets only managers set rules, and checks the people named', async () => {
    const body = { projectId: desk.company.project.id, post: 'engineering', mode: 'round_robin', memberIds: [desk.technician.id, desk.technician2.id] };
    expect((await desk.call(desk.steward.cookie, 'PUT', '/dispatch-rules', body)).statusCode).toBe(403);
    const noMembers = await desk.call(desk.manager.cookie, 'PUT', '/dispatch-rules', { ...body, memberIds: [] });
    expect(noMembers.json().errors[0].field).toBe('memberIds');
    const saved = await desk.call(desk.manager.cookie, 'PUT', '/dispatch-rules', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().members.map((member: { name: string }) => member.name)).toEqual(['师傅刘工', '师傅陈工']);
    const rules = (await desk.call(desk.steward.cookie, 'GET', `/dispatch-rules?projectId=${desk.company.project.id}`)).json();
    expect(rules.items).toHaveLength(1);
  });

  it('deals tickets in turn when accepted (category → post → rule)', async () => {
    const assignees = [];
    for (let index = 0; index < 4; index += 1) assignees.push((await acceptNew()).assignee?.id);
    expect(assignees).toEqual([desk.technician.id, desk.technician2.id, desk.technician.id, desk.technician2.id]);
    // Cleaning has no rule: the ticket waits for a person.
    expect((await acceptNew('environment.cleaning')).status).toBe('accepted');
    const workload = (await desk.call(desk.manager.cookie, 'GET', `/workload?projectId=${desk.company.project.id}`)).json();
    expect(workload.items.map((item: { name: string; total: number; byStatus: object }) => [item.name, item.total, item.byStatus])).toEqual([
      ['师傅刘工', 2, { assigned: 2 }],
      ['师傅陈工', 2, { assigned: 2 }],
    ]);
  });

  it('leaves grab tickets in the pool, and of two simultaneous grabs exactly one wins', async () => {
    await desk.call(desk.manager.cookie, 'PUT', '/dispatch-rules', {
      projectId: desk.company.project.id,
      post: 'engineering',
      mode: 'grab',
      memberIds: [desk.technician.id, desk.technician2.id],
    });
    const ticket = await acceptNew();
    expect(ticket).toMatchObject({ status: 'accepted', assignee: null, assignedPost: 'engineering' });
    expect((await desk.call(desk.technician.cookie, 'GET', `/tickets/${ticket.id}`)).json().canGrab).toBe(true);
    expect((await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/grab`)).statusCode).toBe(403);
    const [first, second] = await Promise.all([
      desk.call(desk.technician.cookie, 'POST', `/tickets/${ticket.id}/grab`),
      desk.call(desk.technician2.cookie, 'POST', `/tickets/${ticket.id}/grab`),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json()).toMatchObject({ code: 'already_taken', messages: { 'zh-CN': '手慢了,工单已被同事接走' } });
    const detail = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${ticket.id}`)).json();
    expect(detail.status).toBe('assigned');
    expect(detail.events.filter((event: { kind: string }) => event.kind === 'grab')).toHaveLength(1);
  });

  it('reassigns by hand and refuses people outside the project', async () => {
    const ticket = await acceptNew('environment.cleaning');
    const reassigned = await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'assign', assigneeId: desk.technician2.id });
    expect(reassigned.json().assignee.id).toBe(desk.technician2.id);
    const outsider = await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'assign', assigneeId: desk.company.owner.id });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().errors[0].field).toBe('assigneeId');
  });
});

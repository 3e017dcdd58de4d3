import { describe, expect, it } from 'vitest';
import { createCompany, createProject, createStaff, signIn, testAppPerFile, type TestApp } from '../../test';
import { repairBody, serviceDesk } from '../tickets/testing';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

function multipart(cookie: string, name: string, content: Buffer) {
  const boundary = '----manyi-field';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } };
}

describe('field work on the phone: pool, arrive, appointment, complete with the owner confirming', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  testAppPerFile(async (app) => {
    t = app;
    t.clock.set('2026-11-23T02:00:00Z');
    desk = await serviceDesk(t);
    await desk.call(desk.manager.cookie, 'PUT', '/dispatch-rules', {
      projectId: desk.company.project.id,
      post: 'engineering',
      mode: 'grab',
      memberIds: [desk.technician.id, desk.technician2.id],
    });
  });
  const pooled = async () => {
    const body = repairBody(desk.company.project.id, { householdId: desk.company.household.id, reporterPersonId: desk.company.owner.id });
    const ticket = (await desk.call(desk.agent.cookie, 'POST', '/tickets', body)).json();
    await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'accept' });
    return ticket.id as string;
  };
  const tech = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = desk.technician.cookie) => desk.call(cookie, method, url, payload);
  const upload = async (id: string) => {
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/attachments`, ...multipart(desk.technician.cookie, 'photo.png', png) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const lastCode = () => t.sms.sent.at(-1)?.text.match(/确认码 (\d{6})/)?.[1];

  it('takes a ticket from the pool, arrives once, agrees a time, and completes with the code the owner received', async () => {
    const id = await pooled();
    const pool = (await tech('GET', '/field/tasks?view=pool')).json();
    expect(pool.items.map((task: { id: string }) => task.id)).toContain(id);
    expect((await tech('GET', '/field/tasks?view=mine')).json().items).toHaveLength(0);
    expect((await tech('POST', `/tickets/${id}/grab`)).statusCode).toBe(200);
    expect((await tech('GET', '/field/tasks?view=mine')).json().items.map((task: { id: string }) => task.id)).toEqual([id]);
    expect((await tech('GET', '/field/tasks?view=pool')).json().items).toHaveLength(0);

    // Someone else's task is not mine to touch, whatever the view.
    const other = await tech('POST', `/tickets/${id}/arrive`, {}, desk.technician2.cookie);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'not_assignee' });
    expect((await tech('POST', `/tickets/${id}/complete`, { result: '已修好', confirmation: { kind: 'code', code: '123456' } })).json().code).toBe(
      'not_arrived',
    );

    const past = await tech('PUT', `/tickets/${id}/appointment`, { at: '2026-11-23T01:00:00Z' });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].field).toBe('at');
    const agreed = await tech('PUT', `/tickets/${id}/appointment`, { at: '2026-11-23T06:00:00Z', note: '业主下午在家' });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json()).toMatchObject({ appointmentAt: '2026-11-23T06:00:00.000Z', appointmentNote: '业主下午在家' });
    expect((await tech('GET', '/field/tasks?view=today')).json().items.map((task: { id: string }) => task.id)).toEqual([id]);

    t.clock.advance(30 * 60_000);
    const arrived = await tech('POST', `/tickets/${id}/arrive`, {});
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect(arrived.json()).toMatchObject({ status: 'in_progress', arrivedAt: '2026-11-23T02:30:00.000Z' });
    const twice = await tech('POST', `/tickets/${id}/arrive`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'already_arrived', messages: { 'zh-CN': '已经登记过到场，无需重复' } });

    const sent = await tech('POST', `/tickets/${id}/confirmation-code`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(t.sms.sent.at(-1)?.phone).toBe(desk.company.owner.phone);
    const code = lastCode()!;
    expect((await tech('POST', `/tickets/${id}/confirmation-code`)).statusCode).toBe(429);

    const body = { result: '更换厨房角阀，试水无渗漏', materials: [{ name: '角阀', quantity: 1, unit: '个' }], confirmation: { kind: 'code', code } };
    const wrong = await tech('POST', `/tickets/${id}/complete`, { ...body, confirmation: { kind: 'code', code: code === '000000' ? '111111' : '000000' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ errors: [{ field: 'confirmation.code', messages: { 'zh-CN': '确认码不正确' } }] });

    t.clock.advance(11 * 60_000);
    const expired = await tech('POST', `/tickets/${id}/complete`, body);
    expect(expired.json().errors[0].messages['zh-CN']).toBe('确认码已失效，请重新发送');

    await tech('POST', `/tickets/${id}/confirmation-code`);
    const fresh = lastCode()!;
    // The category asks for a photo: without one the code is not spent and the ticket stays open.
    await desk.call(desk.admin.cookie, 'PATCH', '/ticket-categories/engineering.leak', { requiresPhoto: true });
    const noPhoto = await tech('POST', `/tickets/${id}/complete`, { ...body, confirmation: { kind: 'code', code: fresh } });
    expect(noPhoto.statusCode).toBe(422);
    expect(noPhoto.json().errors[0]).toMatchObject({ field: 'photoIds', messages: { 'zh-CN': '该分类需要上传处理结果照片' } });
    const photo = await upload(id);
    const done = await tech('POST', `/tickets/${id}/complete`, { ...body, photoIds: [photo], confirmation: { kind: 'code', code: fresh } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('resolved');
    const detail = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${id}`)).json();
    const resolve = detail.events.find((event: { kind: string }) => event.kind === 'resolve');
    expect(resolve.note).toBe('更换厨房角阀，试水无渗漏（用料：角阀 1个）');
    expect(resolve.data).toMatchObject({ confirmation: 'code', photoIds: [photo], materials: [{ name: '角阀', quantity: 1, unit: '个' }] });
    // A code works once.
    expect((await tech('POST', `/tickets/${id}/complete`, { ...body, confirmation: { kind: 'code', code: fresh } })).statusCode).toBe(409);
    await desk.call(desk.admin.cookie, 'PATCH', '/ticket-categories/engineering.leak', { requiresPhoto: false });
  });

  it("completes with the owner's signature, and the console's resolve asks for the result", async () => {
    const id = await pooled();
    await tech('POST', `/tickets/${id}/grab`);
    await tech('POST', `/tickets/${id}/arrive`, {});
    const noSignature = await tech('POST', `/tickets/${id}/complete`, {
      result: '已修好',
      confirmation: { kind: 'signature', attachmentId: '01900000-0000-7000-8000-000000000000' },
    });
    expect(noSignature.json().errors[0].field).toBe('confirmation.attachmentId');
    const blank = await desk.call(desk.technician.cookie, 'POST', `/tickets/${id}/actions`, { action: 'resolve' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors[0]).toMatchObject({ field: 'note', messages: { 'zh-CN': '请填写处理结果（做了什么、现在怎样）' } });
    const signature = await upload(id);
    const done = await tech('POST', `/tickets/${id}/complete`, { result: '疏通下水管', confirmation: { kind: 'signature', attachmentId: signature } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('resolved');
  });

  it("keeps another company's staff away from the tasks", async () => {
    const id = await pooled();
    const stranger = await createCompany(t.connection.db, '别家物业');
    const outsider = await createStaff(t.connection.db, stranger.tenant.id, { roles: ['technician'], projectIds: [stranger.project.id], name: '外人' });
    const cookie = await signIn(t.app, outsider.login, outsider.password);
    expect((await tech('GET', '/field/tasks?view=pool', undefined, cookie)).json().items).toEqual([]);
    expect((await tech('GET', `/field/tasks/${id}`, undefined, cookie)).statusCode).toBe(404);
    // Staff of another project of the same company do not see it either.
    const elsewhere = await createProject(t.connection.db, desk.company.tenant.id, { code: 'P-FIELD-2', name: '另一个项目' });
    const neighbour = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['technician'], projectIds: [elsewhere.id], name: '隔壁师傅' });
    const neighbourCookie = await signIn(t.app, neighbour.login, neighbour.password);
    expect((await tech('GET', `/field/tasks/${id}`, undefined, neighbourCookie)).statusCode).toBe(404);
    for (const [method, url] of [
      ['POST', `/tickets/${id}/arrive`],
      ['POST', `/tickets/${id}/confirmation-code`],
      ['PUT', `/tickets/${id}/appointment`],
    ] as const) {
      const response = await tech(method, url, method === 'PUT' ? { at: '2026-12-01T02:00:00Z' } : {}, cookie);
      expect(response.statusCode, url).toBe(404);
    }
  });
});

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test';
import { createHousehold } from '../../test/factories';
import { repairBody, serviceDesk } from './testing';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

function multipart(name: string, type: string, content: Buffer) {
  const boundary = '----manyi-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function storedFiles(root: string): Promise<string[]> {
  try {
    return (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

describe('owner H5: report, follow, confirm and rate', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  let owner: string;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await serviceDesk(t);
    owner = await desk.ownerCookie();
  });
  afterAll(() => t.close());
  const ownerCall = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: owner }, ...(payload && { payload }) });
  const report = (extra: object = {}) =>
    ownerCall('POST', '/owner/tickets', {
      householdId: desk.company.household.id,
      type: 'repair',
      categoryCode: 'engineering.leak',
      description: '卫生间天花板漏水',
      ...extra,
    });
  const staffAct = (id: string, body: object, cookie = desk.steward.cookie) => desk.call(cookie, 'POST', `/tickets/${id}/actions`, body);
  const resolveRepair = async (id: string) => {
    await staffAct(id, { action: 'accept' });
    await staffAct(id, { action: 'assign', assigneeId: desk.technician.id });
    await staffAct(id, { action: 'start' }, desk.technician.cookie);
    await staffAct(id, { action: 'resolve', note: '已修补防水层' }, desk.technician.cookie);
  };

  it('reports an issue, follows it without internal notes, confirms and rates it', async () => {
    const created = await report();
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json();
    expect(ticket).toMatchObject({ status: 'new', title: '漏水渗水', householdLabel: '1栋1单元101', canConfirm: false });
    expect(ticket.number).toMatch(/^BX-\d{8}-\d{4}$/);
    // Staff see it in the queue with the owner as reporter; the accepting steward becomes its first receiver.
    await staffAct(ticket.id, { action: 'accept' });
    const staffView = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${ticket.id}`)).json();
    expect(staffView).toMatchObject({ channel: 'owner_h5', reporterPersonId: desk.company.owner.id, firstReceiver: { id: desk.steward.id } });
    await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/notes`, { body: '内部:此户曾多次投诉' });
    await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/notes`, { body: '维修师傅明早九点上门', visibleToOwner: true });
    await staffAct(ticket.id, { action: 'assign', assigneeId: desk.technician.id });
    await staffAct(ticket.id, { action: 'start' }, desk.technician.cookie);
    await staffAct(ticket.id, { action: 'resolve', note: '已处理完毕' }, desk.technician.cookie);

    const followed = (await ownerCall('GET', `/owner/tickets/${ticket.id}`)).json();
    expect(JSON.stringify(followed)).not.toContain('内部');
    expect(followed.events.map((event: { kind: string }) => event.kind)).toEqual(['created', 'accept', 'owner_update', 'assign', 'start', 'resolve']);
    expect(followed.canConfirm).toBe(true);

    const outOfRange = await ownerCall('POST', `/owner/tickets/${ticket.id}/confirm`, { csat: 6 });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors[0].field).toBe('csat');
    const confirmed = await ownerCall('POST', `/owner/tickets/${ticket.id}/confirm`, {
      csat: 4,
      peakMoment: '师傅很耐心',
      endMoment: '走前把地面擦干净了',
      comment: '谢谢',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'visited', canConfirm: false, rating: { csat: 4, comment: '谢谢' } });
    const detail = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${ticket.id}`)).json();
    expect(detail.visits[0]).toMatchObject({ method: 'h5', outcome: 'confirmed', csat: 4, peakMoment: '师傅很耐心', visitorKind: 'owner' });
    expect((await staffAct(ticket.id, { action: 'close' })).json().status).toBe('closed');
    const mine = (await ownerCall('GET', '/owner/tickets')).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(ticket.id);
  });

  it('reopens when the owner rejects, and never counts an unanswered call as satisfied', async () => {
    const ticket = (await report()).json();
    await resolveRepair(ticket.id);
    const noAnswer = await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/visits`, { method: 'phone', outcome: 'no_answer' });
    expect(noAnswer.statusCode, noAnswer.body).toBe(201);
    expect(noAnswer.json().status).toBe('resolved');
    expect((await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/visits`, { method: 'phone', outcome: 'confirmed' })).statusCode).toBe(400);
    expect((await ownerCall('POST', `/owner/tickets/${ticket.id}/reject`, { comment: '' })).statusCode).toBe(400);
    const rejected = await ownerCall('POST', `/owner/tickets/${ticket.id}/reject`, { comment: '还是在滴水' });
    expect(rejected.json()).toMatchObject({ status: 'reopened', rating: null });
    const detail = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${ticket.id}`)).json();
    expect(detail).toMatchObject({ reopenCount: 1, isRepeat: true });
    expect(detail.visits.map((visit: { outcome: string; csat: number | null }) => [visit.outcome, visit.csat])).toEqual([
      ['no_answer', null],
      ['rejected', null],
    ]);
    // The owner cannot confirm a ticket that is not resolved.
    expect((await ownerCall('POST', `/owner/tickets/${ticket.id}/confirm`, { csat: 5 })).statusCode).toBe(409);
  });

  it('accepts photos of the right type and size only, storing nothing otherwise', async () => {
    const ticket = (await report()).json();
    const uploads = join(t.dataDir, 'uploads');
    const before = await storedFiles(uploads);
    const good = await t.app.inject({
      method: 'POST',
      url: `/api/v1/owner/tickets/${ticket.id}/attachments`,
      ...withCookie(multipart('漏水.png', 'image/png', png), owner),
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({ fileName: '漏水.png', contentType: 'image/png', uploadedByKind: 'owner' });
    const disguised = await t.app.inject({
      method: 'POST',
      url: `/api/v1/owner/tickets/${ticket.id}/attachments`,
      ...withCookie(multipart('photo.png', 'image/png', Buffer.from('MZ not an image at all')), owner),
    });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({ code: 'file_type', messages: { 'zh-CN': '只支持 JPG、PNG、WebP、HEIC 图片和 PDF 文件' } });
    const huge = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const oversize = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments`,
      ...withCookie(multipart('big.png', 'image/png', huge), desk.steward.cookie),
    });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json().code).toBe('file_too_large');
    expect((await storedFiles(uploads)).length).toBe(before.length + 1);
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tickets/${ticket.id}/attachments/${good.json().id}`,
      headers: { cookie: desk.steward.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(png)).toBe(true);
    const detail = (await ownerCall('GET', `/owner/tickets/${ticket.id}`)).json();
    expect(detail.attachments).toHaveLength(1);
  });

  it("shows the household's tickets logged without a named reporter, and no other household's", async () => {
    const { company } = desk;
    const neighbour = await createHousehold(t.connection.db, company.tenant.id, company.building, '102', company.unit);
    const logged = async (householdId: string) =>
      (
        await desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(company.project.id, { householdId, title: `电话报修 ${householdId.slice(-4)}` }))
      ).json();
    const ours = await logged(company.household.id);
    const theirs = await logged(neighbour.id);
    expect(ours.reporterPersonId).toBeNull();
    const list = (await ownerCall('GET', '/owner/tickets?limit=100')).json();
    const ids = list.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
    const detail = await ownerCall('GET', `/owner/tickets/${ours.id}`);
    expect(detail.statusCode).toBe(200);
    // Following is for the whole family; confirming speaks for a reporter, and nobody in the family reported this one.
    expect(detail.json().canConfirm).toBe(false);
    expect((await ownerCall('GET', `/owner/tickets/${theirs.id}`)).statusCode).toBe(404);
  });

  it("refuses households that are not the owner's, and caps reports per day with a clear message", async () => {
    const foreign = await report({ householdId: '01900000-0000-7000-8000-000000000000' });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].field).toBe('householdId');
    let limited = await report();
    let count = 0;
    while (limited.statusCode === 201 && count < 20) {
      count += 1;
      limited = await report();
    }
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'owner_ticket_limit' });
    expect(limited.json().messages['zh-CN']).toContain('已达每日上限');
    // A new Shanghai day opens the limit again.
    t.clock.advance(24 * 3_600_000);
    owner = await desk.ownerCookie();
    expect((await report()).statusCode).toBe(201);
  });
});

function withCookie(request: { payload: Buffer; headers: Record<string, string> }, cookie: string) {
  return { payload: request.payload, headers: { ...request.headers, cookie } };
}

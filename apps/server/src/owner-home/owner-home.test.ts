import { describe, expect, it } from 'vitest';
import { createCompany, createStaff, testAppPerFile, type TestApp } from '../../test';
import { openCampaign } from '../responses/testing';
import { serviceDesk } from '../tickets/testing';

describe('owner home on the phone: steward, surveys, praise', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  let owner: string;
  testAppPerFile(async (app) => {
    t = app;
    desk = await serviceDesk(t);
    owner = await desk.ownerCookie();
  });
  const ownerCall = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: owner }, ...(payload && { payload }) });

  it("shows the building's steward with phone and working hours, else the project's", async () => {
    const fallback = (await ownerCall('GET', '/owner/stewards')).json();
    // Without a steward named for the building, one of the project's stewards stands in.
    expect(fallback.items).toHaveLength(1);
    expect(['热线小李', '管家王丽']).toContain(fallback.items[0].name);
    const { company } = desk;
    await desk.call(desk.admin.cookie, 'PATCH', `/staff/${desk.steward.id}`, { phone: '13800001111', workingHours: '周一至周六 8:30–17:30' });
    // Editing the hours keeps the steward's projects.
    expect((await desk.call(desk.admin.cookie, 'GET', `/staff/${desk.steward.id}`)).json().projectIds).toEqual([company.project.id]);
    const refused = await desk.call(desk.admin.cookie, 'PATCH', `/buildings/${company.building.id}`, { stewardId: company.owner.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('stewardId');
    const assigned = await desk.call(desk.admin.cookie, 'PATCH', `/buildings/${company.building.id}`, { stewardId: desk.steward.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const boundary = '----manyi-photo';
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const upload = (content: Buffer, cookie = desk.admin.cookie) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/staff/${desk.steward.id}/photo`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`),
          content,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    expect((await upload(Buffer.from('not a picture'))).statusCode).toBe(415);
    expect((await upload(png, desk.steward.cookie)).statusCode).toBe(403);
    expect((await upload(png)).statusCode).toBe(204);
    const photo = await ownerCall('GET', `/owner/stewards/${desk.steward.id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    const named = (await ownerCall('GET', '/owner/stewards')).json();
    expect(named.items).toEqual([
      {
        id: desk.steward.id,
        name: '管家王丽',
        phone: '13800001111',
        workingHours: '周一至周六 8:30–17:30',
        photoUrl: `/api/v1/owner/stewards/${desk.steward.id}/photo`,
        households: ['1栋1单元101'],
      },
    ]);
  });

  it("lists the household's own survey invitations and opens one on the answering page", async () => {
    const { company } = desk;
    const { tokens } = await openCampaign(t.connection.db, t.clock.now(), company.tenant.id, [
      { id: company.household.id, projectId: company.project.id, buildingId: company.building.id },
    ]);
    const list = (await ownerCall('GET', '/owner/surveys')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ campaignName: '2026 年第四季度满意度调查', householdLabel: '1栋1单元101', status: 'invited', canAnswer: true });
    const opened = await ownerCall('POST', `/owner/surveys/${list.items[0].invitationId}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    const { answerToken } = opened.json();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/answer/${answerToken}` })).statusCode).toBe(200);
    // The earlier link stops working: only one live link per invitation.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/answer/${tokens[0]}` })).statusCode).toBe(404);
  });

  it("keeps praise as a record about a staff member of the owner's community, and refuses others", async () => {
    const praised = await ownerCall('POST', '/owner/praises', { staffId: desk.technician.id, text: '刘师傅修水管又快又干净，还帮忙收拾了垃圾' });
    expect(praised.statusCode, praised.body).toBe(201);
    expect(praised.json()).toMatchObject({ staffName: '师傅刘工' });
    const elsewhere = await createCompany(t.connection.db, '别家物业');
    const stranger = await createStaff(t.connection.db, elsewhere.tenant.id, { roles: ['steward'], projectIds: [elsewhere.project.id], name: '外人' });
    const refused = await ownerCall('POST', '/owner/praises', { staffId: stranger.id, text: '谢谢' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('staffId');
    expect((await ownerCall('GET', `/owner/stewards/${stranger.id}/photo`)).statusCode).toBe(404);
    const audit = (await desk.call(desk.admin.cookie, 'GET', '/audit-logs?entityType=staff_praise')).json();
    expect(audit.items.length).toBeGreaterThan(0);
  });
});

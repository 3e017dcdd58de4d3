import { describe, expect, it } from 'vitest';
import { companyAppPerFile, createBuilding, createHousehold, createPerson, createProject, createStaff, signIn, type Company, type TestApp } from '../../test';

describe('buildings, households and residents', () => {
  let t: TestApp;
  let company: Company;
  let admin: string;
  companyAppPerFile((made) => ({ t, company, admin } = made));
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload && { payload }) });

  it('lists households in roster order with labels and residents', async () => {
    const building = (await call('POST', '/buildings', { projectId: company.project.id, name: '10', floors: 18 })).json();
    const unit = (await call('POST', '/units', { buildingId: building.id, name: '2' })).json();
    for (const room of ['1201', '901', '1001']) {
      expect((await call('POST', '/households', { buildingId: building.id, unitId: unit.id, room, area: 89.5 })).statusCode).toBe(201);
    }
    const list = await call('GET', `/households?buildingId=${building.id}`);
    expect(list.json().items.map((item: { label: string }) => item.label)).toEqual(['10栋2单元901', '10栋2单元1001', '10栋2单元1201']);
    const buildings = (await call('GET', `/buildings?projectId=${company.project.id}`)).json().items;
    expect(buildings.map((item: { name: string }) => item.name)).toEqual(['1', '10']);
    expect(buildings[1]).toMatchObject({ unitCount: 1, householdCount: 3, units: [{ name: '2' }] });
  });

  it('refuses a duplicate room and a unit from another building', async () => {
    const duplicate = await call('POST', '/households', { buildingId: company.building.id, unitId: company.unit.id, room: '101' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0]).toMatchObject({ field: 'room', messages: { 'zh-CN': '该楼栋单元下已有此房号' } });
    const other = await createBuilding(t.connection.db, company.tenant.id, company.project.id, '99');
    const mismatched = await call('POST', '/households', { buildingId: other.id, unitId: company.unit.id, room: '1' });
    expect(mismatched.statusCode).toBe(422);
    expect(mismatched.json().errors[0].field).toBe('unitId');
  });

  it('searches households by resident name and phone, and pages through them', async () => {
    const building = await createBuilding(t.connection.db, company.tenant.id, company.project.id, '搜索楼');
    for (let room = 1; room <= 5; room += 1) await createHousehold(t.connection.db, company.tenant.id, building, String(room));
    const page1 = (await call('GET', `/households?buildingId=${building.id}&limit=2`)).json();
    const page2 = (await call('GET', `/households?buildingId=${building.id}&limit=2&cursor=${page1.nextCursor}`)).json();
    const page3 = (await call('GET', `/households?buildingId=${building.id}&limit=2&cursor=${page2.nextCursor}`)).json();
    expect([...page1.items, ...page2.items, ...page3.items].map((item: { room: string }) => item.room)).toEqual(['1', '2', '3', '4', '5']);
    expect(page3.nextCursor).toBeNull();
    const byName = (await call('GET', `/households?q=${encodeURIComponent(company.owner.name)}`)).json();
    expect(byName.items.map((item: { id: string }) => item.id)).toContain(company.household.id);
    const byPhone = (await call('GET', `/households?q=${company.owner.phone!.slice(-4)}`)).json();
    expect(byPhone.items.map((item: { id: string }) => item.id)).toContain(company.household.id);
  });

  it('creates a resident with a normalised phone, records the timeline, and shows the profile', async () => {
    const created = await call('POST', '/persons', {
      householdId: company.household.id,
      name: '李四',
      role: 'family',
      phone: '+86 138-0013-8000',
      isVip: true,
      discStyle: 'owl',
      tags: ['老人独居'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ phone: '13800138000', householdLabel: '1栋1单元101', isVip: true });
    const id = created.json().id;
    expect((await call('PATCH', `/persons/${id}`, { tags: ['老人独居', '有宠物'] })).statusCode).toBe(200);
    const profile = (await call('GET', `/persons/${id}/profile`)).json();
    expect(profile.household.id).toBe(company.household.id);
    expect(profile.members.map((member: { id: string }) => member.id)).toEqual([company.owner.id]);
    expect(profile.timeline.map((event: { kind: string }) => event.kind)).toEqual(['updated', 'created']);
    const filtered = (await call('GET', `/persons?tag=${encodeURIComponent('有宠物')}&discStyle=owl&isVip=true`)).json();
    expect(filtered.items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('rejects a bad phone number in both languages', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: { cookie: admin, 'accept-language': 'en' },
      payload: { householdId: company.household.id, name: '王五', role: 'owner', phone: '12345' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      field: 'phone',
      message: 'Enter a valid 11-digit mainland mobile number',
      messages: { 'zh-CN': '请输入正确的 11 位手机号' },
    });
  });

  it('keeps project-scoped staff inside their projects', async () => {
    const otherProject = await createProject(t.connection.db, company.tenant.id, { name: '别的项目' });
    const otherBuilding = await createBuilding(t.connection.db, company.tenant.id, otherProject.id, '1');
    const otherHousehold = await createHousehold(t.connection.db, company.tenant.id, otherBuilding, '808');
    const otherPerson = await createPerson(t.connection.db, company.tenant.id, otherHousehold, { name: '赵六' });
    const steward = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], projectIds: [company.project.id] });
    const cookie = await signIn(t.app, steward.login, steward.password);
    const list = (await call('GET', '/households?limit=100', undefined, cookie)).json();
    expect(list.items.every((item: { projectId: string }) => item.projectId === company.project.id)).toBe(true);
    expect((await call('GET', `/households?projectId=${otherProject.id}`, undefined, cookie)).json().items).toEqual([]);
    expect((await call('GET', `/persons/${otherPerson.id}`, undefined, cookie)).statusCode).toBe(404);
    expect((await call('PATCH', `/persons/${otherPerson.id}`, { name: 'x' }, cookie)).statusCode).toBe(404);
    expect((await call('POST', '/persons', { householdId: otherHousehold.id, name: 'x', role: 'owner' }, cookie)).statusCode).toBe(422);
    const me = (await call('GET', '/auth/me', undefined, cookie)).json();
    expect(me.allProjects).toBe(false);
    expect(me.projects.map((project: { id: string }) => project.id)).toEqual([company.project.id]);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await createStaff(t.connection.db, company.tenant.id, { roles: ['viewer'], projectIds: [company.project.id] });
    const cookie = await signIn(t.app, viewer.login, viewer.password);
    expect((await call('GET', `/households/${company.household.id}`, undefined, cookie)).statusCode).toBe(200);
    expect((await call('PATCH', `/households/${company.household.id}`, { area: 1 }, cookie)).statusCode).toBe(403);
  });

  it('will not delete a household that has residents; deletes an empty one with an audit row', async () => {
    expect((await call('DELETE', `/households/${company.household.id}`)).statusCode).toBe(409);
    const empty = await createHousehold(t.connection.db, company.tenant.id, company.building, '999');
    expect((await call('DELETE', `/households/${empty.id}`)).statusCode).toBe(204);
    const audit = (await call('GET', `/audit-logs?entityId=${empty.id}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'delete', entityType: 'household', actorName: '管理员', before: { room: '999' } });
  });
});

import { persons } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backfillNameInitials } from './repository';
import { companyAppPerFile, createCompany, createStaff, signIn, type Company, type TestApp } from '../../test';

describe('GET /persons/lookup: an owner the way a caller says it', () => {
  let t: TestApp;
  let company: Company;
  let admin: string;
  companyAppPerFile((made) => ({ t, company, admin } = made));
  const call = (method: 'GET' | 'POST', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload && { payload }) });
  const lookup = async (q: string, cookie = admin) => {
    const response = await call('GET', `/persons/lookup?q=${encodeURIComponent(q)}`, undefined, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as { name: string; householdLabel: string; phone: string | null }[];
  };

  it('finds by address in every spelling, phone, its last four digits, name and pinyin initials, best first', async () => {
    const project = company.project.id;
    const roster: [string, string, string, string, string][] = [
      ['11', '1', '301', '王建国', '13800110301'],
      ['11', '2', '301', '李秀英', '13800112301'],
      ['1', '1', '301', '张伟', '13900001301'],
      ['10', '1', '1101', '陈静', '13700001101'],
      ['2', '1', '502', '单田芳', '13611111101'],
    ];
    // The company already has 1栋1单元 (createCompany).
    const buildings = new Map<string, string>([['1', company.building.id]]);
    const units = new Map<string, string>([['1-1', company.unit.id]]);
    for (const [building, unit, room, name, phone] of roster) {
      if (!buildings.has(building)) buildings.set(building, (await call('POST', '/buildings', { projectId: project, name: building, floors: 18 })).json().id);
      const unitKey = `${building}-${unit}`;
      if (!units.has(unitKey)) units.set(unitKey, (await call('POST', '/units', { buildingId: buildings.get(building), name: unit })).json().id);
      const unitId = units.get(unitKey);
      const household = await call('POST', '/households', { buildingId: buildings.get(building), unitId, room });
      expect(household.statusCode, household.body).toBe(201);
      const person = await call('POST', '/persons', { householdId: household.json().id, name, role: 'owner', phone });
      expect(person.statusCode, person.body).toBe(201);
    }
    const names = async (q: string) => (await lookup(q)).map((item) => item.name);

    for (const q of ['11栋1单元301', '11-1-301', '11 栋 1 单元 301 室', '１１－１－３０１']) expect(await names(q), q).toEqual(['王建国']);
    expect(await names('11栋301')).toEqual(['王建国', '李秀英']);
    // A bare room matches every building: still found, the building shown so the agent can ask.
    const bareRoom = await lookup('301');
    expect(bareRoom.map((item) => item.householdLabel).sort()).toEqual(['11栋1单元301', '11栋2单元301', '1栋1单元301']);
    // "1101" is room 1101 and the end of two phone numbers; the room and the tails are all offered.
    expect((await names('1101')).sort()).toEqual(['单田芳', '陈静']);
    expect(await names('138 0011 0301')).toEqual(['王建国']);
    expect(await names('0301')).toEqual(['王建国']);
    expect(await names('王先生')).toEqual(['王建国']);
    expect(await names('wjg')).toEqual(['王建国']);
    expect(await names('stf')).toEqual(['单田芳']); // 单 as a family name is shàn
    expect(await names('zw')).toEqual(['张伟']);
    expect(await names('赵')).toEqual([]);
  });

  it("does not find another company's residents, nor residents of projects outside a steward's scope", async () => {
    const other = await createCompany(t.connection.db, '别家物业');
    const otherAdmin = await signIn(t.app, other.admin.login, other.admin.password);
    expect(await lookup(other.owner.phone!, admin)).toEqual([]);
    expect(await lookup(company.owner.phone!, otherAdmin)).toEqual([]);
    const steward = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], projectIds: [] });
    expect(await lookup(company.owner.phone!, await signIn(t.app, steward.login, steward.password))).toEqual([]);
    expect((await lookup(company.owner.phone!, admin)).map((item) => item.phone)).toEqual([company.owner.phone]);
  });

  it('fills the pinyin initials of persons written before the column existed, once', async () => {
    const household = await call('POST', '/households', { buildingId: company.building.id, unitId: company.unit.id, room: '808' });
    const created = await call('POST', '/persons', { householdId: household.json().id, name: '欧阳修远', role: 'owner', phone: '13500008808' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    // As a row from before the column: the migration gave it ''.
    await t.connection.db.update(persons).set({ nameInitials: '' }).where(eq(persons.id, id));
    expect((await lookup('oyxy')).map((item) => item.name)).toEqual([]);

    expect(await backfillNameInitials(t.connection.db, 2)).toBeGreaterThanOrEqual(1);
    expect((await lookup('oyxy')).map((item) => item.name)).toEqual(['欧阳修远']);
    // Nothing left to fill: a second run (every start-up) writes nothing.
    expect(await backfillNameInitials(t.connection.db)).toBe(0);
  });
});

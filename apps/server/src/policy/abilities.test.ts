import type { AbilityName } from '@manyi/contracts/abilities';
import { periodOf, staffRoles, type StaffRole } from '@manyi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createStaff, createTestApp, signIn, type TestApp } from '../../test';

/**
 * The console shows what /auth/me's abilities allow; these must be what the routes enforce. For each
 * role and a few representative abilities, the ability is present exactly when the route lets the
 * role through (anything but 403).
 */
type Probe = { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: object };

const probes: Partial<Record<AbilityName, (tag: string, projectId: string) => Probe>> = {
  'audit.read': () => ({ method: 'GET', url: '/api/v1/audit-logs' }),
  'staff.read': () => ({ method: 'GET', url: '/api/v1/staff' }),
  'organisation.manage': (tag) => ({ method: 'POST', url: '/api/v1/regions', payload: { name: `区域${tag}` } }),
  'webhook.manage': () => ({ method: 'GET', url: '/api/v1/webhooks' }),
  'sla.manage': () => ({ method: 'PUT', url: '/api/v1/calendar-days', payload: { year: 2031, days: [] } }),
  'survey.design': (tag) => ({ method: 'POST', url: '/api/v1/surveys', payload: { name: `问卷${tag}`, templateName: 'satisfaction-annual' } }),
  'incident.settings': () => ({ method: 'PUT', url: '/api/v1/incident-settings', payload: { minimumHouseholds: 3, windowHours: 24 } }),
  'training.manage': () => ({ method: 'GET', url: '/api/v1/training/team' }),
  'journey.manage': (tag) => ({ method: 'POST', url: '/api/v1/journeys', payload: { name: `旅程${tag}`, projectType: 'residential' } }),
  'gap.read': (_tag, projectId) => ({ method: 'GET', url: `/api/v1/gaps?projectId=${projectId}` }),
  'gap.analyse': (tag, projectId) => ({
    method: 'PUT',
    url: '/api/v1/gaps/swot',
    payload: { projectId, period: periodOf(new Date()), gap: 3, strengths: `优势${tag}` },
  }),
  'action.manage': (tag, projectId) => ({
    method: 'POST',
    url: '/api/v1/meetings',
    payload: { projectId, kind: 'weekly', title: `例会${tag}`, heldOn: '2031-01-06' },
  }),
};

describe('abilities of /auth/me', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  beforeAll(async () => {
    t = await createTestApp();
    company = await createCompany(t.connection.db);
  });
  afterAll(() => t.close());

  it.each(staffRoles.values.map((role) => [role]))('%s: an ability is present exactly when its route allows it', async (role: StaffRole) => {
    const staff = await createStaff(t.connection.db, company.tenant.id, { roles: [role], projectIds: [company.project.id] });
    const cookie = await signIn(t.app, staff.login, staff.password);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const abilities = me.json<{ abilities: { permissions: AbilityName[]; allProjects: boolean; projectIds: string[] } }>().abilities;
    expect(abilities.projectIds).toEqual(abilities.allProjects ? [] : [company.project.id]);

    const outcomes = [];
    for (const [ability, probe] of Object.entries(probes) as [AbilityName, (tag: string, projectId: string) => Probe][]) {
      const response = await t.app.inject({ ...probe(`${role}${staff.login}`, company.project.id), headers: { cookie } });
      // A valid request either succeeds or is refused for the role: a 400 would prove nothing.
      expect([200, 201, 403], `${role} ${ability}: ${response.body}`).toContain(response.statusCode);
      outcomes.push({ ability, present: abilities.permissions.includes(ability), allowed: response.statusCode !== 403 });
    }
    expect(outcomes).toEqual(outcomes.map(({ ability, allowed }) => ({ ability, present: allowed, allowed })));
  });

  it('tells the roles apart: an admin holds more than a technician, and every ability is a known name', async () => {
    const held = async (roles: StaffRole[]) => {
      const staff = await createStaff(t.connection.db, company.tenant.id, { roles, projectIds: [company.project.id] });
      const cookie = await signIn(t.app, staff.login, staff.password);
      return (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json<{ abilities: { permissions: string[] } }>().abilities
        .permissions;
    };
    const admin = await held(['admin']);
    const technician = await held(['technician']);
    expect(admin).toContain('incident.settings');
    expect(technician).toEqual(['ticket.create', 'ticket.note']);
    expect(technician.every((ability) => admin.includes(ability))).toBe(true);
  });
});

import { indicatorTemplate, type IndicatorTreeNode } from '@manyi/core';
import { auditLogs } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppPerFile, type TestApp } from '../../test';
import { surveyDesigners } from '../surveys/testing';

type Problem = { status: number; errors: { field: string; messages: Record<string, string> }[] };

describe('indicator systems', () => {
  let t: TestApp;
  let d: Awaited<ReturnType<typeof surveyDesigners>>;
  testAppPerFile(async (app) => {
    t = app;
    d = await surveyDesigners(t);
  });

  it('lists the built-in templates and creates a system from one, with version 1 and an audit row', async () => {
    const templates = await d.call('steward', 'GET', '/indicator-templates');
    expect(templates.statusCode, templates.body).toBe(200);
    expect(templates.json().items.map((item: { code: string }) => item.code)).toContain('servqual-property');

    const created = await d.call('quality', 'POST', '/indicator-systems', { name: '客服岗位指标', post: 'steward', templateCode: 'servqual-property' });
    expect(created.statusCode, created.body).toBe(201);
    const system = created.json();
    expect(system).toMatchObject({ name: '客服岗位指标', post: 'steward', templateCode: 'servqual-property', currentVersion: 1, version: 1 });
    expect(system.tree.map((node: IndicatorTreeNode) => node.name['zh-CN'])).toEqual(['有形度', '专业度', '反应度', '信赖度', '同理度']);
    expect(system.versions).toHaveLength(1);
    const audits = await t.connection.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, d.company.tenant.id), eq(auditLogs.entityType, 'indicator_system'), eq(auditLogs.entityId, system.id)));
    expect(audits).toHaveLength(1);

    const list = await d.call('steward', 'GET', '/indicator-systems');
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(system.id);
  });

  it('creates a blank system and refuses writes by a steward', async () => {
    const blank = await d.call('quality', 'POST', '/indicator-systems', { name: '空白体系' });
    expect(blank.statusCode, blank.body).toBe(201);
    expect(blank.json().tree).toEqual([]);
    expect((await d.call('steward', 'POST', '/indicator-systems', { name: 'x' })).statusCode).toBe(403);
    expect((await d.call('quality', 'POST', '/indicator-systems', { name: 'x', templateCode: 'nope' })).statusCode).toBe(422);
  });

  it('refuses weights that do not sum to 100, pointing at the level and naming the parent and the sum', async () => {
    const tree = structuredClone(indicatorTemplate('servqual-property')!.roots);
    tree[2]!.children![0]!.weight = 25; // 反应度: 25 + 40 + 25 = 90
    tree[0]!.weight = 10; // dimensions: 90
    const response = await d.call('quality', 'POST', '/indicator-systems', { name: '错误权重', tree });
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json() as Problem;
    expect(problem.errors.map((field) => field.field).sort()).toEqual(['tree', 'tree.2.children']);
    const level = problem.errors.find((field) => field.field === 'tree.2.children')!;
    expect(level.messages['zh-CN']).toBe('“反应度”下各项权重之和为 90，应为 100');
    expect(level.messages['en-US']).toBe('The weights under “Responsiveness” sum to 90, not 100');
  });

  it('refuses duplicate codes', async () => {
    const tree = structuredClone(indicatorTemplate('satisfaction-factors')!.roots);
    tree[1]!.children![0]!.code = 'value.brand';
    const response = await d.call('quality', 'POST', '/indicator-systems', { name: '重复编码', tree });
    expect(response.statusCode).toBe(422);
    expect((response.json() as Problem).errors).toEqual([expect.objectContaining({ field: 'tree.1.children.0.code' })]);
  });

  it('an edit is a new version; the old version keeps its weights', async () => {
    const system = (await d.call('quality', 'POST', '/indicator-systems', { name: '八大因素', templateCode: 'satisfaction-factors' })).json();
    const tree = structuredClone(system.tree) as IndicatorTreeNode[];
    tree[0]!.weight = 60;
    tree[1]!.weight = 40;
    const revised = await d.call('quality', 'PUT', `/indicator-systems/${system.id}`, { name: '八大因素(修订)', tree });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ name: '八大因素(修订)', currentVersion: 2, version: 2 });
    expect(revised.json().versions.map((version: { version: number }) => version.version)).toEqual([2, 1]);
    const first = await d.call('steward', 'GET', `/indicator-systems/${system.id}/versions/1`);
    expect(first.statusCode).toBe(200);
    expect(first.json().tree[0].weight).toBe(50);
    expect((await d.call('steward', 'GET', `/indicator-systems/${system.id}`)).json().tree[0].weight).toBe(60);
    expect((await d.call('steward', 'GET', `/indicator-systems/${system.id}/versions/9`)).statusCode).toBe(404);
    // An editor still on version 1 is told that version 2 exists instead of replacing it.
    const stale = await d.call('quality', 'PUT', `/indicator-systems/${system.id}`, { tree: system.tree, expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'indicator_system_changed', title: expect.stringContaining('已被他人修订') });
    expect((await d.call('steward', 'GET', `/indicator-systems/${system.id}`)).json()).toMatchObject({ currentVersion: 2 });

    const bad = structuredClone(tree);
    bad[0]!.children![0]!.weight = 5;
    const refused = await d.call('quality', 'PUT', `/indicator-systems/${system.id}`, { tree: bad });
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as Problem).errors[0]!.field).toBe('tree.0.children');

    expect((await d.call('quality', 'POST', `/indicator-systems/${system.id}/archive`)).json().archived).toBe(true);
    expect((await d.call('quality', 'PUT', `/indicator-systems/${system.id}`, { tree })).statusCode).toBe(409);
  });
});

import { surveyTemplate, type SurveyDefinition } from '@manyi/core';
import { auditLogs, surveyVersions } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppPerFile, type TestApp } from '../../test';
import { freezeSurveyVersion } from './service';
import { surveyDesigners } from './testing';

type Problem = { errors: { field: string; messages: Record<string, string> }[] };

const blank: SurveyDefinition = {
  title: { 'zh-CN': '空白问卷' },
  questions: [{ key: 'q1', type: 'satisfaction', required: true, allowNotExperienced: true, title: { 'zh-CN': '您对保洁满意吗？' } }],
};
const textQuestion = (key: string) => ({
  key,
  type: 'text',
  required: false,
  maxLength: 200,
  title: { 'zh-CN': `补充意见 ${key}`, 'en-US': `Comment ${key}` },
});

describe('surveys', () => {
  let t: TestApp;
  let d: Awaited<ReturnType<typeof surveyDesigners>>;
  testAppPerFile(async (app) => {
    t = app;
    d = await surveyDesigners(t);
  });

  const fromTemplate = async (templateName: string, name = '2026 年度服务质量调查') => {
    const response = await d.call('quality', 'POST', '/surveys', { name, templateName });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it('lists the templates and creates a survey from one, linked to an indicator system built from its tree', async () => {
    const templates = await d.call('steward', 'GET', '/survey-templates');
    expect(templates.json().items.map((item: { name: string }) => item.name)).toEqual([
      'servqual-property',
      'satisfaction-annual',
      'kano-services',
      'gbt-45698',
    ]);

    const survey = await fromTemplate('servqual-property');
    expect(survey).toMatchObject({
      status: 'draft',
      templateCode: 'servqual-property',
      currentVersion: 1,
      version: 1,
      frozenAt: null,
      itemCount: 15,
      warnings: [],
      indicatorSystemVersion: 1,
    });
    expect(survey.indicatorSystemId).toBeTruthy();
    const system = (await d.call('steward', 'GET', `/indicator-systems/${survey.indicatorSystemId}`)).json();
    expect(system.templateCode).toBe('servqual-property');
    // A second survey from the same template reuses the company's system rather than multiplying them.
    expect((await fromTemplate('servqual-property', '第二份')).indicatorSystemId).toBe(survey.indicatorSystemId);

    const list = await d.call('steward', 'GET', '/surveys?status=draft');
    expect(list.json().items.find((item: { id: string }) => item.id === survey.id)).toMatchObject({ itemCount: 15, currentVersion: 1 });
    const audits = await t.connection.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, d.company.tenant.id), eq(auditLogs.entityId, survey.id)));
    expect(audits.map((audit) => audit.action)).toEqual(['create']);
  });

  it('creates a blank survey; only the quality department and admins design', async () => {
    const created = await d.call('quality', 'POST', '/surveys', { name: '保洁专项', definition: blank });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ indicatorSystemId: null, itemCount: 1, definition: blank });
    expect((await d.call('steward', 'POST', '/surveys', { name: 'x', definition: blank })).statusCode).toBe(403);
    expect((await d.call('steward', 'PUT', `/surveys/${created.json().id}`, { definition: blank })).statusCode).toBe(403);
    expect((await d.call('quality', 'POST', '/surveys', { name: 'x' })).statusCode).toBe(422);
  });

  it('warns past the ~15-item guidance', async () => {
    const survey = await fromTemplate('servqual-property', '加题');
    const definition = { ...survey.definition, questions: [...survey.definition.questions, textQuestion('extra')] };
    const saved = await d.call('quality', 'PUT', `/surveys/${survey.id}`, { definition });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ itemCount: 16, recommendedItemLimit: 15, warnings: ['too_many_items'], version: 1 });
  });

  it('refuses duplicate keys, forward skip logic and shape errors as field errors in both languages', async () => {
    const survey = await fromTemplate('kano-services', '校验');
    const questions = survey.definition.questions;
    const duplicate = await d.call('quality', 'PUT', `/surveys/${survey.id}`, {
      definition: { ...survey.definition, questions: [...questions, { ...textQuestion('x'), key: questions[0].key }] },
    });
    expect(duplicate.statusCode).toBe(422);
    expect((duplicate.json() as Problem).errors).toEqual([
      {
        field: `definition.questions.${questions.length}.key`,
        message: expect.any(String),
        messages: { 'zh-CN': '题目编号重复', 'en-US': 'Duplicate question key' },
      },
    ]);

    const forward = { ...textQuestion('early'), showIf: { questionKey: questions[0].key, operator: 'answered' } };
    const skip = await d.call('quality', 'PUT', `/surveys/${survey.id}`, { definition: { ...survey.definition, questions: [forward, ...questions] } });
    expect(skip.statusCode).toBe(422);
    expect((skip.json() as Problem).errors).toEqual([
      expect.objectContaining({
        field: 'definition.questions.0.showIf.questionKey',
        messages: { 'zh-CN': '跳题条件只能引用前面的题目', 'en-US': 'Skip logic may only refer to an earlier question' },
      }),
    ]);

    const shape = await d.call('quality', 'PUT', `/surveys/${survey.id}`, {
      definition: { ...survey.definition, questions: [{ ...questions[0], title: { 'zh-CN': '' } }] },
    });
    expect(shape.statusCode).toBe(422);
    expect((shape.json() as Problem).errors[0]!.field).toBe('definition.questions.0.title.zh-CN');
  });

  it('refuses an indicator code the linked system does not have, and any code without a system', async () => {
    const survey = await fromTemplate('satisfaction-annual', '指标校验');
    const questions = structuredClone(survey.definition.questions);
    questions[1].rows[0].indicatorCode = 'engineering.nonexistent';
    questions[0].indicatorCode = 'nope';
    const response = await d.call('quality', 'PUT', `/surveys/${survey.id}`, { definition: { ...survey.definition, questions } });
    expect(response.statusCode).toBe(422);
    expect((response.json() as Problem).errors.map((error) => error.field)).toEqual([
      'definition.questions.0.indicatorCode',
      'definition.questions.1.rows.0.indicatorCode',
    ]);
    expect((response.json() as Problem).errors[0]!.messages['zh-CN']).toBe('关联的指标体系中没有这个指标编码');

    const unlinked = await d.call('quality', 'POST', '/surveys', {
      name: '无体系',
      definition: surveyTemplate('satisfaction-annual')!.definition,
      indicatorSystemId: null,
    });
    expect(unlinked.statusCode).toBe(422);
    expect((unlinked.json() as Problem).errors[0]!.messages['en-US']).toBe('Link an indicator system before setting indicator codes');
  });

  it('editing a frozen version starts a new version and leaves the frozen one intact', async () => {
    const survey = await fromTemplate('satisfaction-annual', '冻结');
    const frozenAt = new Date('2026-11-20T02:00:00Z');
    const frozen = await t.connection.db.transaction((tx) => freezeSurveyVersion(tx, d.company.tenant.id, survey.id, 1, frozenAt));
    expect(frozen?.frozenAt).toEqual(frozenAt);
    // Idempotent: a second campaign on the same version keeps the first freeze time.
    await t.connection.db.transaction((tx) => freezeSurveyVersion(tx, d.company.tenant.id, survey.id, 1, new Date()));

    const edited = { ...survey.definition, title: { 'zh-CN': '年度满意度调查（修订）' } };
    const saved = await d.call('quality', 'PUT', `/surveys/${survey.id}`, { definition: edited });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ currentVersion: 2, version: 2, frozenAt: null, definition: edited });
    expect(saved.json().versions.map((version: { version: number }) => version.version)).toEqual([2, 1]);

    const pinned = await d.call('steward', 'GET', `/surveys/${survey.id}/versions/1`);
    expect(pinned.statusCode).toBe(200);
    expect(pinned.json()).toMatchObject({ version: 1, currentVersion: 2, frozenAt: frozenAt.toISOString(), definition: survey.definition });

    // Version 2 is not frozen: the next save edits it in place.
    const again = await d.call('quality', 'PUT', `/surveys/${survey.id}`, { definition: survey.definition });
    expect(again.json()).toMatchObject({ currentVersion: 2 });
    const rows = await t.connection.db
      .select()
      .from(surveyVersions)
      .where(and(eq(surveyVersions.tenantId, d.company.tenant.id), eq(surveyVersions.surveyId, survey.id)));
    expect(rows).toHaveLength(2);
    expect(await t.connection.db.transaction((tx) => freezeSurveyVersion(tx, d.company.tenant.id, survey.id, 7, new Date()))).toBeUndefined();
  });

  it('refuses a save based on a version someone else has saved since, and keeps their work', async () => {
    const survey = await fromTemplate('satisfaction-annual', '并发');
    const loaded = (await d.call('quality', 'GET', `/surveys/${survey.id}`)).json();
    const mine = { ...loaded.definition, title: { 'zh-CN': '甲的修改' } };
    const theirs = { ...loaded.definition, title: { 'zh-CN': '乙的修改' } };
    const first = await d.call('quality', 'PUT', `/surveys/${survey.id}`, { definition: theirs, expectedUpdatedAt: loaded.updatedAt });
    expect(first.statusCode, first.body).toBe(200);
    const second = await d.call('quality', 'PUT', `/surveys/${survey.id}`, { definition: mine, expectedUpdatedAt: loaded.updatedAt });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'survey_changed', title: expect.stringContaining('已被他人保存') });
    expect((await d.call('quality', 'GET', `/surveys/${survey.id}`)).json().definition.title).toEqual({ 'zh-CN': '乙的修改' });
    // Based on the latest save, it goes through.
    const retried = await d.call('quality', 'PUT', `/surveys/${survey.id}`, { definition: mine, expectedUpdatedAt: first.json().updatedAt });
    expect(retried.statusCode, retried.body).toBe(200);
  });

  it('publishes and archives; an archived survey takes no edits', async () => {
    const survey = await fromTemplate('kano-services', '发布');
    const published = await d.call('quality', 'POST', `/surveys/${survey.id}/publish`);
    expect(published.json().status).toBe('published');
    expect((await d.call('quality', 'POST', `/surveys/${survey.id}/archive`)).json().status).toBe('archived');
    const edit = await d.call('quality', 'PUT', `/surveys/${survey.id}`, { definition: survey.definition });
    expect(edit.statusCode).toBe(409);
    expect((await d.call('steward', 'GET', `/surveys/${survey.id}`)).json().status).toBe('archived');
  });
});

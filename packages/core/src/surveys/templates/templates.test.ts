import { describe, expect, it } from 'vitest';
import { validateIndicatorWeights } from '../../metrics/indicator-weights';
import { staffPosts } from '../../organisation/vocabulary';
import { itemCount, recommendedItemLimit } from '../definition';
import { surveyDefinitionSchema } from '../definition-schema';
import { flattenIndicatorTree, indicatorTemplate, indicatorTemplates, surveyTemplate, surveyTemplateNames, surveyTemplates, toIndicatorNodes } from './index';

describe('indicator templates', () => {
  it.each(indicatorTemplates.map((template) => [template.code, template] as const))('%s: weights sum to 100 per level, codes unique', (_code, template) => {
    expect(validateIndicatorWeights(toIndicatorNodes(template.roots))).toEqual({ valid: true, issues: [] });
  });

  it('SERVQUAL uses the five dimensions of seed 001 and covers every front-line post', () => {
    const servqual = indicatorTemplate('servqual-property');
    expect(servqual?.roots.map((root) => root.name['zh-CN'])).toEqual(['有形度', '专业度', '反应度', '信赖度', '同理度']);
    const posts = new Set(
      flattenIndicatorTree(servqual?.roots ?? [])
        .map((node) => node.post)
        .filter(Boolean),
    );
    expect([...posts].sort()).toEqual(['cleaning', 'engineering', 'greening', 'security', 'steward']);
    expect(flattenIndicatorTree(servqual?.roots ?? []).map((node) => node.code)).toContain('responsiveness.repair_timeliness');
  });

  it('the eight satisfaction factors are four values and four costs', () => {
    const factors = flattenIndicatorTree(indicatorTemplate('satisfaction-factors')?.roots ?? []).filter((node) => !node.children);
    expect(factors.map((node) => node.name['zh-CN'])).toEqual(['品牌价值', '服务价值', '人员价值', '形象价值', '货币成本', '时间成本', '体力成本', '精神成本']);
  });

  it('posts are ones the organisation vocabulary knows', () => {
    for (const template of indicatorTemplates) {
      for (const node of flattenIndicatorTree(template.roots)) if (node.post) expect(staffPosts.values).toContain(node.post);
    }
  });
});

describe('survey templates', () => {
  it('lists the named templates', () => {
    expect([...surveyTemplateNames]).toEqual(['servqual-property', 'satisfaction-annual', 'kano-services', 'gbt-45698']);
    expect(surveyTemplate('nope')).toBeUndefined();
  });

  it.each(surveyTemplates.map((template) => [template.name, template] as const))(
    '%s: valid definition, known indicator codes, ≤ 15 items',
    (_name, template) => {
      expect(surveyDefinitionSchema.safeParse(template.definition).success).toBe(true);
      const codes = new Set(flattenIndicatorTree(indicatorTemplate(template.indicatorTemplate)?.roots ?? []).map((node) => node.code));
      expect(codes.size).toBeGreaterThan(0);
      for (const question of template.definition.questions) {
        if (question.indicatorCode) expect(codes).toContain(question.indicatorCode);
        if (question.type === 'matrix') for (const row of question.rows) if (row.indicatorCode) expect(codes).toContain(row.indicatorCode);
      }
      // GB/T 45698-2025 prescribes its 38 items (plus overall and NPS); the designer warns about the length as for any long questionnaire.
      if (template.name === 'gbt-45698') expect(itemCount(template.definition)).toBe(40);
      else expect(itemCount(template.definition)).toBeLessThanOrEqual(recommendedItemLimit);
    },
  );

  it('servqual-property: expectation/perception pairs, one overall, NPS, and "improve" only for detractors', () => {
    const { definition } = surveyTemplate('servqual-property') ?? { definition: { questions: [] } };
    expect(definition.questions.filter((question) => question.type === 'servqual').length).toBeGreaterThanOrEqual(5);
    expect(definition.questions.filter((question) => question.overall)).toHaveLength(1);
    expect(definition.questions.find((question) => question.type === 'text')?.showIf).toEqual({ questionKey: 'nps', operator: 'lte', value: 6 });
  });

  it('returns a copy, so editing it leaves the built-in alone', () => {
    const copy = surveyTemplate('kano-services');
    copy?.definition.questions.pop();
    expect(surveyTemplate('kano-services')?.definition.questions.length).toBe((copy?.definition.questions.length ?? 0) + 1);
  });
});

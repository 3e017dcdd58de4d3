import { describe, expect, it } from 'vitest';
import { validateIndicatorWeights } from '../../metrics/indicator-weights';
import { surveyDefinitionSchema } from '../definition-schema';
import { contractWeightedScore, gbt45698Tree } from './gbt-45698';
import { flattenIndicatorTree, toIndicatorNodes } from './indicator-trees';
import { surveyTemplate } from './survey-templates';

describe('GB/T 45698-2025', () => {
  it('has the four first-level weights of the standard, eight quality indicators and 38 items', () => {
    expect(gbt45698Tree.roots.map((root) => [root.name['zh-CN'], root.weight])).toEqual([
      ['品牌形象', 10],
      ['客户期望', 10],
      ['物业服务质量', 70],
      ['物业服务价值', 10],
    ]);
    expect(gbt45698Tree.roots[2]!.children).toHaveLength(8);
    const leaves = flattenIndicatorTree(gbt45698Tree.roots).filter((node) => !node.children?.length);
    expect(leaves).toHaveLength(38);
    expect(validateIndicatorWeights(toIndicatorNodes(gbt45698Tree.roots)).valid).toBe(true);
  });

  it('is a questionnaire with one row per third-level indicator, plus overall and NPS', () => {
    const template = surveyTemplate('gbt-45698')!;
    const rows = template.definition.questions.flatMap((question) => (question.type === 'matrix' ? question.rows : []));
    expect(rows).toHaveLength(38);
    expect(surveyDefinitionSchema.safeParse(template.definition).success).toBe(true);
  });

  it('combines projects by contract value', () => {
    // (90 × 3,000,000 + 70 × 1,000,000) / 4,000,000 = 85
    expect(
      contractWeightedScore([
        { score: 90, contractValue: 3_000_000 },
        { score: 70, contractValue: 1_000_000 },
        { score: null, contractValue: 5 },
      ]),
    ).toEqual({
      score: 85,
      weighting: 'contract_value',
      projects: 2,
    });
    expect(
      contractWeightedScore([
        { score: 90, contractValue: null },
        { score: 70, contractValue: null },
      ]),
    ).toEqual({ score: 80, weighting: 'equal', projects: 2 });
    expect(contractWeightedScore([])).toEqual({ score: null, weighting: 'equal', projects: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { indicatorTemplate } from '../surveys/templates/indicator-trees';
import { checkInspectionItems, checklistForPost, inspectionScore, meanInspectionScore } from './inspections';

const servqual = indicatorTemplate('servqual-property')!.roots;

describe('inspection checklist and score (seed 002 季度检查, seed 001 第四讲 gap 3)', () => {
  it('builds a post’s checklist from the SERVQUAL tree, worth 100 points by path weight', () => {
    const cleaning = checklistForPost(servqual, 'cleaning');
    expect(cleaning.map((item) => item.indicatorCode)).toEqual(['tangibles.cleanliness', 'professionalism.cleaning_standard']);
    // 有形度 20 × 25 % = 5, 专业度 20 × 20 % = 4 → 5/9 and 4/9 of 100.
    expect(cleaning.map((item) => item.points)).toEqual([55.6, 44.4]);
    expect(cleaning[0]!.dimensionName['zh-CN']).toBe('有形度');
    expect(checklistForPost(servqual, 'steward').reduce((sum, item) => sum + item.points, 0)).toBeCloseTo(100, 5);
    expect(checklistForPost(servqual, 'nobody')).toEqual([]);
  });

  it('scores 100 minus the deductions, share of the points; bonus does not lift it', () => {
    const items = [
      { points: 60, result: 'deduct' as const, deduction: 15, bonus: 0 },
      { points: 40, result: 'pass' as const, deduction: 0, bonus: 5 },
    ];
    expect(inspectionScore(items)).toBe(85);
    expect(inspectionScore([{ points: 50, result: 'deduct', deduction: 10 }])).toBe(80);
    expect(meanInspectionScore([85, 90, 92])).toBe(89);
    expect(meanInspectionScore([])).toBeNull();
  });

  it('refuses a round with an unchecked item or a deduction outside the item’s points', () => {
    expect(
      checkInspectionItems([
        { points: 10, result: null, deduction: 0 },
        { points: 10, result: 'deduct', deduction: 11 },
        { points: 10, result: 'deduct', deduction: 0 },
        { points: 10, result: 'pass', deduction: 2 },
        { points: 10, result: 'deduct', deduction: 10 },
      ]).map((problem) => `${problem.index}:${problem.code}`),
    ).toEqual(['0:result_missing', '1:deduction_range', '2:deduction_range', '3:deduction_on_pass']);
  });
});

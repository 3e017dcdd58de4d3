import { describe, expect, it } from 'vitest';
import { staffPosts } from '../organisation/vocabulary';
import {
  categoryMatchesPrefix,
  categoryPath,
  defaultCategories,
  findCategory,
  isLeafCategory,
  isSafetyCriticalCategory,
  safetyCriticalCategoryCodes,
} from './category-tree';

describe('default category tree', () => {
  it('has unique codes whose parents exist and whose code extends the parent code', () => {
    const codes = defaultCategories.map((category) => category.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const category of defaultCategories) {
      if (category.parentCode === null) continue;
      expect(codes).toContain(category.parentCode);
      expect(category.code.startsWith(`${category.parentCode}.`)).toBe(true);
    }
  });

  it('has the six groups of a Chinese property service desk', () => {
    expect(defaultCategories.filter((category) => category.parentCode === null).map((category) => category.labels['zh-CN'])).toEqual([
      '工程',
      '环境',
      '秩序',
      '收费',
      '装修',
      '客服',
    ]);
  });

  it('maps every node to a known post, with bilingual labels', () => {
    for (const category of defaultCategories) {
      expect(staffPosts.values).toContain(category.defaultPost);
      expect(category.labels['zh-CN']).not.toBe('');
      expect(category.labels['en-US']).not.toBe('');
    }
  });

  it('flags exactly fire, gas, elevator entrapment, falling objects and personal safety', () => {
    expect(safetyCriticalCategoryCodes().sort()).toEqual(
      ['engineering.elevator.entrapment', 'engineering.gas', 'order.falling_objects', 'order.fire', 'order.personal_safety'].sort(),
    );
    expect(isSafetyCriticalCategory('engineering.elevator.fault')).toBe(false);
    expect(isSafetyCriticalCategory('unknown')).toBe(false);
  });

  it('routes typical issues to the right post', () => {
    expect(findCategory('engineering.leak')?.defaultPost).toBe('engineering');
    expect(findCategory('environment.greening')?.defaultPost).toBe('greening');
    expect(findCategory('order.parking')?.defaultPost).toBe('security');
    expect(findCategory('service.attitude')?.defaultPost).toBe('project_manager');
    expect(findCategory('fees.property_fee')?.defaultPost).toBe('steward');
  });

  it('matches prefixes on whole segments and builds breadcrumbs', () => {
    expect(categoryMatchesPrefix('engineering.elevator.fault', 'engineering.elevator')).toBe(true);
    expect(categoryMatchesPrefix('engineering.elevator', 'engineering.elevator')).toBe(true);
    expect(categoryMatchesPrefix('engineering.elevators', 'engineering.elevator')).toBe(false);
    expect(categoryPath('engineering.elevator.entrapment').map((category) => category.labels['zh-CN'])).toEqual(['工程', '电梯', '电梯困人']);
    expect(isLeafCategory('engineering.elevator')).toBe(false);
    expect(isLeafCategory('engineering.elevator.fault')).toBe(true);
  });
});

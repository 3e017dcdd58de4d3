import { describe, expect, it } from 'vitest';
import { followupDefinition } from '../survey-followups/testing';
import { convertRow } from './convert';
import { checkMapping, parseHeader, proposeMapping } from './mapping';

const wjxHeaders = [
  '序号',
  '提交答卷时间',
  '房号',
  '1、您对物业服务的总体满意度',
  '2、您向亲友推荐本小区物业的可能性有多大',
  '3、(保洁)',
  '3、(秩序维护)',
  '4、意见建议',
  '手机号码',
];

describe('mapping columns onto a questionnaire', () => {
  it('reads 问卷星, Q-number and 第n题 headers', () => {
    expect(parseHeader('1、您对物业服务的总体满意度')).toEqual({ number: 1, text: '您对物业服务的总体满意度', part: null });
    expect(parseHeader('Q3(保洁)')).toEqual({ number: 3, text: '', part: '保洁' });
    expect(parseHeader('5、（秩序维护）')).toEqual({ number: 5, text: '', part: '秩序维护' });
    expect(parseHeader('第2题 推荐意愿')).toEqual({ number: 2, text: '推荐意愿', part: null });
    expect(parseHeader('2026年满意度')).toEqual({ number: null, text: '2026年满意度', part: null });
  });

  it('proposes question by number, matrix rows by label, household columns, and skips metadata', () => {
    const mapping = proposeMapping(wjxHeaders, followupDefinition);
    expect(mapping.map((entry) => entry.target)).toEqual([
      null,
      null,
      { kind: 'room' },
      { kind: 'question', questionKey: 'overall' },
      { kind: 'question', questionKey: 'nps' },
      { kind: 'question', questionKey: 'posts', item: 'cleaning' },
      { kind: 'question', questionKey: 'posts', item: 'security' },
      { kind: 'question', questionKey: 'comment' },
      { kind: 'phone' },
    ]);
    expect(checkMapping(mapping, wjxHeaders, followupDefinition)).toEqual([]);
  });

  it('matches unnumbered headers by title and never maps two columns to one question', () => {
    const headers = ['总体满意度', '推荐意愿(0-10分)', '各岗位服务-保洁', '总体满意度', '完全无关的列'];
    expect(proposeMapping(headers, followupDefinition).map((entry) => entry.target)).toEqual([
      { kind: 'question', questionKey: 'overall' },
      { kind: 'question', questionKey: 'nps' },
      { kind: 'question', questionKey: 'posts', item: 'cleaning' },
      null,
      null,
    ]);
  });

  it('refuses a confirmed mapping that names unknown questions, rows or the same slot twice', () => {
    const headers = ['a', 'b', 'c'];
    expect(
      checkMapping(
        [
          { column: 0, header: 'a', target: { kind: 'question', questionKey: 'nope' } },
          { column: 1, header: 'b', target: { kind: 'question', questionKey: 'posts', item: 'garden' } },
          { column: 2, header: 'c', target: { kind: 'room' } },
          { column: 5, header: 'x', target: { kind: 'room' } },
        ],
        headers,
        followupDefinition,
      ).map((problem) => problem.code),
    ).toEqual(['unknown_question', 'unknown_item', 'out_of_range', 'duplicate']);
  });
});

describe('converting a row', () => {
  const mapping = proposeMapping(wjxHeaders, followupDefinition);
  const row = (cells: string[]) => convertRow(followupDefinition, mapping, 7, cells);

  it('turns labels into scale values and keeps 未体验, skips and text', () => {
    expect(row(['1', 'x', '1栋1单元101', '非常满意', '9分', '比较满意', '未体验', '(跳过)', '139 0000 0001'])).toEqual({
      row: 7,
      room: '1栋1单元101',
      phone: '13900000001',
      problems: [],
      answers: { overall: 5, nps: 9, posts: { cleaning: 4, security: 'not_experienced' } },
    });
  });

  it('reports each bad cell with row, column and value', () => {
    expect(row(['1', 'x', '', '很棒', '9', '满意', '满意', '', '']).problems).toEqual([
      { row: 7, column: '1、您对物业服务的总体满意度', value: '很棒', code: 'unknown_label' },
    ]);
    expect(row(['1', 'x', '', '满意', '11', '满意', '满意', '', '']).problems).toEqual([
      { row: 7, column: '2、您向亲友推荐本小区物业的可能性有多大', value: '11', code: 'out_of_range' },
    ]);
    expect(row(['1', 'x', '', '', '8', '满意', '满意', '', '']).problems).toEqual([
      { row: 7, column: '1、您对物业服务的总体满意度', value: '', code: 'required' },
    ]);
  });
});

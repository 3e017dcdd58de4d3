import { describe, expect, it } from 'vitest';
import { canonicalBuildingName, canonicalUnitName, invalid, parseArea, parseRole, parseStatus, parseTags, parseVip } from './cells';
import { mapHeader } from './columns';
import { cellText } from './reader';

describe('roster cells', () => {
  it('maps headers by name and alias, whatever the order, spacing, star or unit', () => {
    const { indexes, missing } = mapHeader(['备注', ' 手机 ', '楼栋*', '房间号', '姓名', '面积(㎡)', '项目', '手机号']);
    expect(indexes).toEqual({ note: 0, phone: 1, building: 2, room: 3, name: 4, area: 5 });
    expect(missing).toEqual([]);
    expect(mapHeader(['楼栋', '电话']).missing).toEqual(['房号', '姓名']);
  });

  it('reads areas with units and refuses non-positive or non-numeric ones', () => {
    expect(parseArea('')).toBeNull();
    expect(parseArea('89.5')).toBe(89.5);
    expect(parseArea('120㎡')).toBe(120);
    expect(parseArea('1,200 平方米')).toBe(1200);
    expect(parseArea('0')).toBe(invalid);
    expect(parseArea('-5')).toBe(invalid);
    expect(parseArea('约90')).toBe(invalid);
  });

  it('accepts Chinese labels, English values and common synonyms for the vocabularies', () => {
    expect(parseStatus('空置')).toBe('vacant');
    expect(parseStatus('decorating')).toBe('decorating');
    expect(parseStatus('拆迁')).toBe(invalid);
    expect(parseRole('租客')).toBe('tenant');
    expect(parseRole('Family member')).toBe('family');
    expect(parseRole('')).toBeNull();
    expect(parseVip('是')).toBe(true);
    expect(parseVip('FALSE')).toBe(false);
    expect(parseVip('也许')).toBe(invalid);
  });

  it('splits tags on 、 and commas, trims and de-duplicates them', () => {
    expect(parseTags('老人、独居, 宠物,老人;;')).toEqual(['老人', '独居', '宠物']);
    expect(parseTags('')).toEqual([]);
  });

  it('treats 1栋/1号楼/1 and 2单元/2 as the same names', () => {
    expect(['1栋', '1号楼', '1幢', '1'].map(canonicalBuildingName)).toEqual(['1', '1', '1', '1']);
    expect(canonicalBuildingName('A座')).toBe('A座');
    expect(canonicalUnitName('2单元')).toBe('2');
    expect(canonicalUnitName('东单元')).toBe('东单元');
  });

  it('turns spreadsheet cell values into the text a clerk sees', () => {
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText(89.50000000000001)).toBe('89.5');
    expect(cellText({ richText: [{ text: '张' }, { text: '三 ' }] })).toBe('张三');
    expect(cellText({ formula: 'A1', result: 1201 })).toBe('1201');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(null)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { parseOwnerQuery } from './owner-query';

describe('parseOwnerQuery: an owner the way a caller says it', () => {
  it.each([
    ['11栋1单元301', { building: '11', unit: '1', room: '301' }],
    ['11幢01单元301室', { building: '11', unit: '1', room: '301' }],
    ['１１栋３０１', { building: '11', unit: null, room: '301' }],
    ['11栋301', { building: '11', unit: null, room: '301' }],
    ['11号楼301', { building: '11', unit: null, room: '301' }],
    ['11#301', { building: '11', unit: null, room: '301' }],
    ['11-1-301', { building: '11', unit: '1', room: '301' }],
    ['11 - 1 - 301', { building: '11', unit: '1', room: '301' }],
    ['11-301', { building: '11', unit: null, room: '301' }],
    ['A座1502', { building: 'a', unit: null, room: '1502' }],
  ])('%s is an address', (text, address) => {
    expect(parseOwnerQuery(text)).toMatchObject({ address, phone: null, name: null });
  });

  it('reads four digits as a room and as the end of a phone number, three as a room only', () => {
    expect(parseOwnerQuery('1101')).toMatchObject({ address: { building: null, unit: null, room: '1101' }, phoneTail: '1101' });
    expect(parseOwnerQuery('301')).toMatchObject({ address: { room: '301' }, phoneTail: null });
  });

  it('reads a phone number with or without separators and country code', () => {
    expect(parseOwnerQuery('138 1234 5678').phone).toBe('13812345678');
    expect(parseOwnerQuery('+86 13812345678').phone).toBe('13812345678');
    expect(parseOwnerQuery('021-6888 1234').phone).toBe('02168881234');
  });

  it('reads Chinese as a name without the honorific, and latin letters as pinyin initials', () => {
    expect(parseOwnerQuery('王先生')).toMatchObject({ name: '王', initials: null });
    expect(parseOwnerQuery('王建国')).toMatchObject({ name: '王建国' });
    expect(parseOwnerQuery('WJG')).toMatchObject({ initials: 'wjg', name: null });
  });

  it('reads nothing from blank text', () => {
    expect(parseOwnerQuery('  ')).toEqual({ address: null, phone: null, phoneTail: null, name: null, initials: null });
  });
});

import { normalisePhone } from '@manyi/core';
import type { Random } from './random';

/**
 * Chinese names and mainland mobile numbers for the demo company. Surnames are weighted roughly
 * by their share of the population; given names are whole names typical of a generation, so
 * that an owner reads 王建国 and a child 王梓涵, rather than random characters glued together.
 */

const commonSurnames = '王李张刘陈';
const frequentSurnames = '杨黄赵吴周徐孙马朱胡郭何林高罗';
const usualSurnames = '郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴孔汤';
const rareSurnames = ['庞', '樊', '殷', '施', '陶', '洪', '翟', '安', '颜', '倪', '温', '季', '俞', '章', '鲁', '葛', '伍', '申', '毕', '聂', '焦', '向', '柳', '邢', '岳', '齐', '梅', '莫', '庄', '辛', '管', '祝', '左', '涂', '谷', '舒', '耿', '詹', '关', '苗', '凌', '费', '纪', '盛', '童', '欧阳', '上官', '司马', '诸葛'];

const surnameWeights: readonly (readonly [string, number])[] = [
  ...[...commonSurnames].map((surname) => [surname, 60] as const),
  ...[...frequentSurnames].map((surname) => [surname, 18] as const),
  ...[...usualSurnames].map((surname) => [surname, 6] as const),
  ...rareSurnames.map((surname) => [surname, 1.5] as const),
];

/** Cantonese-speaking cities lean to these surnames; mixing them in makes 深圳 and 广州 rosters look local. */
const southernSurnames = [...'陈黄林梁李张何郑罗谢冯邓曾彭吴钟蔡卢潘麦'];

export type Gender = 'male' | 'female';
/** elder: born in the 1950s–60s; adult: 1970s–90s; young: children and students. */
export type Generation = 'elder' | 'adult' | 'young';

const givenNames: Record<Generation, Record<Gender, readonly string[]>> = {
  elder: {
    male: ['建国', '建华', '国庆', '卫东', '志强', '志刚', '建军', '国华', '德明', '振华', '宝华', '永康', '文华', '金生', '福生', '明华', '国平', '庆华', '长林', '世荣', '根宝', '荣发', '德胜', '秋生', '红军'],
    female: ['秀英', '桂英', '玉兰', '秀兰', '凤英', '丽华', '淑珍', '美华', '翠萍', '素芬', '月娥', '桂芳', '玉珍', '建英', '秀珍', '彩霞', '金凤', '美娟', '惠芳', '爱华', '菊英', '素珍', '雪英', '巧云', '兰英'],
  },
  adult: {
    male: ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '辉', '鹏', '波', '健', '俊杰', '海涛', '晓东', '志明', '建伟', '文斌', '宏伟', '永刚', '立新', '海波', '晓峰', '振宇', '家豪', '国栋', '子健', '嘉俊', '文杰', '浩', '亮', '凯', '峰', '晨', '宇航', '少华', '锦荣'],
    female: ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '玲', '燕', '萍', '红', '婷', '丹', '洁', '晓燕', '丽娟', '海燕', '春梅', '雪梅', '慧敏', '晓红', '红梅', '美玲', '佳', '倩', '蕾', '颖', '琳', '嘉欣', '晓雯', '文静', '思琪', '雅婷', '小燕', '丽萍', '颖欣', '佩珊', '晓琳', '梦瑶'],
  },
  young: {
    male: ['浩然', '宇轩', '子豪', '俊熙', '梓睿', '皓轩', '一鸣', '思远', '子墨', '博文', '天佑', '明轩', '梓航', '睿泽', '铭宇', '昊天', '嘉懿', '煜城', '奕辰', '沐宸'],
    female: ['欣怡', '梓涵', '雨桐', '诗涵', '一诺', '若曦', '语嫣', '佳怡', '梓萱', '思彤', '子涵', '可馨', '雨萱', '紫琪', '欣妍', '芷若', '梦琪', '语桐', '安琪', '诗琪'],
  },
};

export type NameOptions = { gender: Gender; generation: Generation; surname?: string; southern?: boolean };

export function surnameOf(random: Random, southern = false): string {
  return southern && random.chance(0.45) ? random.pick(southernSurnames) : random.weighted(surnameWeights);
}

export function personName(random: Random, options: NameOptions): { surname: string; name: string } {
  const surname = options.surname ?? surnameOf(random, options.southern);
  return { surname, name: surname + random.pick(givenNames[options.generation][options.gender]) };
}

/** Mobile prefixes of the three carriers in common use (China Mobile, Unicom, Telecom). */
const mobilePrefixes = [
  '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '178', '182', '183', '184', '187', '188', '198',
  '130', '131', '132', '155', '156', '166', '175', '176', '185', '186',
  '133', '153', '173', '177', '180', '181', '189', '191', '199',
];

/** Hands out mobile numbers that are valid by `normalisePhone` and never repeat within one demo company. */
export function phoneBook(random: Random): () => string {
  const issued = new Set<string>();
  return () => {
    for (;;) {
      const phone = normalisePhone(random.pick(mobilePrefixes) + String(random.int(0, 99_999_999)).padStart(8, '0'));
      if (phone && !issued.has(phone)) {
        issued.add(phone);
        return phone;
      }
    }
  };
}

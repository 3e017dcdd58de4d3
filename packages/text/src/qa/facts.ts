/**
 * The facts of a reply that a rewrite must keep word for word: times and dates, amounts, numbers with their
 * units (楼栋、单元、房号、天数; not a count of times, which is how an impatient reply complains), phone and ticket numbers, places and people named by title (张师傅, 刘经理).
 */
const patterns: RegExp[] = [
  /\d{4}年(\d{1,2}月)?(\d{1,2}[日号])?/gu,
  /\d{1,2}月\d{1,2}[日号]/gu,
  /\d{1,2}[:：]\d{2}(\s*[-–~至到]\s*\d{1,2}[:：]\d{2})?/gu,
  /(早上|上午|中午|下午|晚上|今晚|明早|凌晨)?[\d一二两三四五六七八九十]{1,3}点(半|\d{1,2}分)?(前|后|左右)?/gu,
  /(今天|明天|后天|今晚|明早|昨天|昨晚|本周[一二三四五六日天]?|下周[一二三四五六日天]?|周[一二三四五六日天]|星期[一二三四五六日天]|月底|月初)/gu,
  /\d+(\.\d+)?\s*(元|块|万元|万)/gu,
  /1[3-9]\d{9}/gu,
  /[a-z]{1,4}-?\d[\d-]{2,}/giu,
  /[\d一二两三四五六七八九十]+([-~至到]\d+)?\s*(栋|号楼|单元|层|楼|室|号|个工作日|个小时|小时|分钟|天|周|个月|年)/gu,
  /b\d层|负[一二三]层/giu,
  // Any other number of three digits or more: a room, a code, a count the owner will hold the steward to.
  /\d{3,}/gu,
  /[东西南北]门/gu,
  /[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤小老][师傅管家经理主管阿姨先生女士姐哥]{1,2}/gu,
];

/** Distinct facts in order of appearance; a fact inside a longer fact is dropped. */
export function extractFacts(text: string): string[] {
  const found: { start: number; end: number; value: string }[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0].trim();
      if (value.length === 0) continue;
      found.push({ start: match.index, end: match.index + match[0].length, value });
    }
  }
  found.sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: typeof found = [];
  for (const item of found) {
    const last = kept[kept.length - 1];
    if (last && item.start >= last.start && item.end <= last.end) continue;
    kept.push(item);
  }
  return [...new Set(kept.map((item) => item.value))];
}

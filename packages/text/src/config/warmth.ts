/**
 * Seed 001 服务技巧篇 第一讲 二、沟通4大温度技巧 (多用“我”表达尊敬; 多用“我可以”表达意愿; 运用“您能”缓解紧张;
 * 常用“麻烦……好吗？”征求同意) and 三、沟通4类愉悦技巧 (赞美, 关怀, 感谢, 尊崇和可靠). The weights are ours:
 * 15 points for each warmth technique and 10 for each pleasure technique, 100 when all eight are present.
 */
import { type WarmthTechnique } from './types';

export const baseWarmth: WarmthTechnique[] = [
  {
    code: 'first_person', family: 'warmth', labels: { 'zh-CN': '多用“我”', 'en-US': 'Speak as "I"' }, weight: 15,
    patterns: ['我(?!们)'], suggestion: '我来帮您处理',
  },
  {
    code: 'i_can', family: 'warmth', labels: { 'zh-CN': '我可以', 'en-US': '"I can"' }, weight: 15,
    patterns: ['我可以', '我(来|会|马上|这就)(帮|为|给|去|安排|处理|跟进)'], suggestion: '我可以帮您……',
  },
  {
    code: 'could_you', family: 'warmth', labels: { 'zh-CN': '您能', 'en-US': '"Could you"' }, weight: 15,
    patterns: ['您能', '您方便', '能否请您', '您可以'], suggestion: '您能告诉我……吗？',
  },
  {
    code: 'trouble_ok', family: 'warmth', labels: { 'zh-CN': '麻烦……好吗？', 'en-US': '"Would you mind …, OK?"' }, weight: 15,
    patterns: ['麻烦[^。！!]{0,40}(好吗|可以吗|行吗|好不好|方便吗)', '您看(这样)?(好吗|可以吗|行吗)'], suggestion: '麻烦您……，好吗？',
  },
  {
    code: 'praise', family: 'pleasure', labels: { 'zh-CN': '赞美', 'en-US': 'Praise' }, weight: 10,
    patterns: ['您说得(很|非常)?对', '您真', '细心', '周到', '中肯', '有心', '好邻居', '您的(建议|提醒)(很|非常|特别)'], suggestion: '您考虑得真周到',
  },
  {
    code: 'care', family: 'pleasure', labels: { 'zh-CN': '关怀', 'en-US': 'Care' }, weight: 10,
    patterns: ['注意(安全|保暖|身体|休息)', '(别|不)着急', '慢慢说', '辛苦(您|了)', '降温', '天(冷|热)', '保重', '心疼', '理解您'], suggestion: '您别着急，注意安全',
  },
  {
    code: 'thanks', family: 'pleasure', labels: { 'zh-CN': '感谢', 'en-US': 'Thanks' }, weight: 10,
    patterns: ['谢谢', '感谢', '多谢'], suggestion: '谢谢您的反馈',
  },
  {
    code: 'reliability', family: 'pleasure', labels: { 'zh-CN': '尊崇与可靠', 'en-US': 'Respect and reliability' }, weight: 10,
    patterns: ['放心', '负责到底', '全程', '跟进', '第一时间', '一定', '保证', '亲自', '按时', '随时'], suggestion: '请您放心，我会全程跟进',
  },
];

/** Casual words and their service equivalents, for the rewrite of a 随意 finding. */
export const baseFormalEquivalents: Record<string, string> = {
  '啥': '什么', '咋了': '请问有什么可以帮您', '咋': '怎么', '瞅': '看', '搞定': '处理好', '妥妥的': '请您放心', '妥妥': '请您放心',
  '没毛病': '没有问题', 'OK': '好的', 'ok': '好的', '好哒': '好的', '好滴': '好的', '好嘞': '好的', '得嘞': '好的', '嗯嗯': '好的',
  '亲亲': '您好', '亲': '您好', '老铁': '', '哥们': '', '兄弟': '', '大哥': '', '美女': '', '帅哥': '',
  '估计': '预计', '估摸着': '预计', '回头': '稍后', '有空再': '尽快', '整个新的': '更换新的', '这玩意儿': '这个部件', '这玩意': '这个部件',
  '哈哈哈': '', '哈哈': '', '嘿嘿': '', '呵呵': '', '么么哒': '', '啦': '', '哒': '', '呗': '', '哈': '', '～': '', '~': '',
  '小意思': '请您放心', '666': '', '整两下': '处理一下', '哥，': '', '哥,': '', '分分钟': '尽快', '包在我身上': '我来负责', '包我身上': '我来负责', '完事': '处理完成',
  '随便': '按您方便', '无所谓': '都可以', '看情况吧': '我确认后告诉您', '再说吧': '我确认后告诉您', '再看看吧': '我确认后告诉您',
  '差不多吧': '', '应该吧': '', '可能吧': '', 'emmm': '', 'emm': '',
};

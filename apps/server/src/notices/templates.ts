import type { noticeTemplate } from '@manyi/contracts/notices';
import type { z } from 'zod';

/**
 * Starting texts of the notices centre (提前告知, seed 001: tell owners before they notice, in the warm register
 * of the script library). 【…】 marks what the author must fill in; a notice still holding one is refused.
 */
export const noticeTemplates: z.output<typeof noticeTemplate>[] = [
  {
    key: 'gaokao',
    kind: 'seasonal',
    name: { 'zh-CN': '高考静音时段', 'en-US': 'Gaokao quiet hours' },
    title: '高考期间小区静音提示',
    body: '尊敬的业主您好：【日期】为高考时间，小区内有考生家庭。考试期间每天7:00至18:00暂停装修施工和园林机械作业，也请各位邻居出入时放轻脚步、控制音量。如有需要，请联系管家【电话】。祝考生们金榜题名，感谢您的理解与支持！',
  },
  {
    key: 'rainstorm',
    kind: 'seasonal',
    name: { 'zh-CN': '暴雨预警', 'en-US': 'Rainstorm warning' },
    title: '暴雨天气温馨提示',
    body: '尊敬的业主您好：气象台预报【日期】有暴雨。我们已经检查了地下车库排水和楼顶雨水口，沙袋已备好。请您关好门窗，阳台花盆移到室内，车辆尽量不要停在低洼处。雨中如有漏水、积水，请随时拨打【电话】，我们第一时间赶到。',
  },
  {
    key: 'heating',
    kind: 'seasonal',
    name: { 'zh-CN': '供暖开始', 'en-US': 'Heating season' },
    title: '供暖试水通知',
    body: '尊敬的业主您好：今年供暖将于【日期】开始，开始前两天会试水。试水期间请您在家或委托家人在家，留意暖气片和阀门是否滴漏；如发现漏水，请立即关闭阀门并拨打【电话】，维修师傅马上上门。感谢您的配合！',
  },
  {
    key: 'works',
    kind: 'works',
    name: { 'zh-CN': '计划施工', 'en-US': 'Planned works' },
    title: '计划施工通知',
    body: '尊敬的业主您好：为了【施工原因】，我们将于【日期】在【地点】施工，期间可能有少量噪音，我们会尽量缩短工期并每天清理现场。给您带来不便非常抱歉，如有任何问题请联系管家【电话】。',
  },
  {
    key: 'fee',
    kind: 'fee',
    name: { 'zh-CN': '缴费通知', 'en-US': 'Fee notice' },
    title: '物业费缴纳提醒',
    body: '尊敬的业主您好：【年度】物业费现已开始缴纳，您可以在小程序或物业前台办理。如对费用有疑问，我可以帮您把明细整理出来，请联系管家【电话】。感谢您一直以来的支持！',
  },
];

/** 【…】 left in a text: the template's blanks the author has not filled. */
export function unfilledBlanks(text: string): string[] {
  return [...text.matchAll(/【[^】]{0,20}】/g)].map((match) => match[0]);
}

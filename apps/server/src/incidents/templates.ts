import type { Label } from '@manyi/core';

/**
 * Default scripts for the staff who answer the phone during an outage, and the notice that goes to
 * the affected buildings beforehand (seed 001 投诉升级防范: 提前告知 — manage what owners expect).
 * The phrasing follows seed 001 服务技巧篇: "我" for respect, "我可以" for willingness, "您能" and
 * "麻烦…好吗?" to ask rather than tell, care for the vulnerable, thanks at the end — and none of the
 * five red lines (烦躁、拒绝、质疑、随意、推诿). Each script walks CLEAR (seed 001 第三讲).
 *
 * Placeholders in braces are filled when an incident is created from a template; anything left
 * unfilled stays visible so the author notices it.
 */
export const templatePlaceholders = ['项目', '楼栋', '开始时间', '结束时间', '原因', '服务热线'] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];

export type IncidentTemplate = {
  code: string;
  kind: 'planned' | 'emergency';
  name: Label;
  /** The category whose new tickets link to the incident while it is active. */
  categoryCode: string | null;
  title: string;
  callScript: string;
  noticeText: string;
};

/** The red lines, repeated at the end of every script so the agent sees them while talking. */
const redLines = '【避免】不说"不知道""这不归我们管""没办法""您自己看通知""早就通知过了";不打断、不质疑业主。';

const closing = '【确认与感谢】请问还有什么需要我帮您的吗?感谢您的理解和支持,给您添麻烦了,祝您生活愉快!';

export const incidentTemplates: readonly IncidentTemplate[] = [
  {
    code: 'water_outage',
    kind: 'planned',
    name: { 'zh-CN': '计划停水', 'en-US': 'Planned water outage' },
    categoryCode: 'engineering.water_electric',
    title: '{楼栋}计划停水',
    callScript: [
      '【问候】您好,{项目}物业服务中心,我是客服××,很高兴为您服务。',
      '【聆听确认】请问您是想了解停水的情况吗?麻烦您告诉我您的楼栋和房号,好吗?',
      '【同理致歉】停水给您的生活带来了不便,我非常理解,真的很抱歉。',
      '【说明】因{原因},{楼栋}将于{开始时间}至{结束时间}暂停供水。我们已经通过业主端和单元公告提前告知,工程师傅会尽量提前完成。',
      '【方案与关怀】建议您提前储存适量生活用水;恢复供水后水质可能略有浑浊,麻烦您先放水一两分钟,好吗?家里如有老人、孕妇或行动不便的家人需要送水,我可以帮您登记,我们安排管家送到家。',
      '【承诺】恢复供水后我们会第一时间在业主端通知您;如超过{结束时间}仍未恢复,请拨打{服务热线},我会为您跟进。',
      closing,
      redLines,
    ].join('\n'),
    noticeText: [
      '尊敬的业主/住户:',
      '因{原因},{楼栋}将于{开始时间}至{结束时间}暂停供水。请您提前做好储水准备,停水期间请关闭家中水龙头,以免恢复供水时跑水。',
      '恢复供水初期水质可能略有浑浊,放水片刻即可恢复正常。家中如有老人或行动不便的住户需要帮助,请联系服务中心,我们将上门协助。',
      '给您带来不便,敬请谅解!服务热线:{服务热线}',
      '{项目}物业服务中心',
    ].join('\n'),
  },
  {
    code: 'power_outage',
    kind: 'planned',
    name: { 'zh-CN': '计划停电', 'en-US': 'Planned power outage' },
    categoryCode: 'engineering.water_electric',
    title: '{楼栋}计划停电',
    callScript: [
      '【问候】您好,{项目}物业服务中心,我是客服××,很高兴为您服务。',
      '【聆听确认】请问您是想了解停电的安排吗?麻烦您告诉我您的楼栋和房号,好吗?',
      '【同理致歉】停电期间生活多有不便,我完全理解您的着急,非常抱歉。',
      '【说明】因{原因},{楼栋}将于{开始时间}至{结束时间}停电,电梯和地下车库照明同时暂停。我们已经提前在业主端和单元公告通知。',
      '【方案与关怀】建议您提前为手机等设备充电,冰箱尽量少开门;家中如有需要持续用电的医疗设备,请您马上告诉我,我可以立即为您登记并安排协助。出行请您尽量避开停电时段,或走楼梯时注意安全。',
      '【承诺】恢复供电后我们会在业主端通知您;如到{结束时间}仍未恢复或家中跳闸,请拨打{服务热线},我们安排电工上门。',
      closing,
      redLines,
    ].join('\n'),
    noticeText: [
      '尊敬的业主/住户:',
      '因{原因},{楼栋}将于{开始时间}至{结束时间}停电,停电期间电梯暂停运行。请您提前做好准备,关闭家中大功率电器,以免来电时损坏。',
      '家中如有需要持续用电的医疗设备或行动不便的住户,请提前联系服务中心,我们将优先协助。',
      '给您带来不便,敬请谅解!服务热线:{服务热线}',
      '{项目}物业服务中心',
    ].join('\n'),
  },
  {
    code: 'elevator_outage',
    kind: 'planned',
    name: { 'zh-CN': '电梯停运维保', 'en-US': 'Elevator out of service for maintenance' },
    categoryCode: 'engineering.elevator',
    title: '{楼栋}电梯停运维保',
    callScript: [
      '【问候】您好,{项目}物业服务中心,我是客服××,很高兴为您服务。',
      '【聆听确认】请问您是反映电梯不能使用吗?麻烦您告诉我是哪一栋、哪一部电梯,好吗?',
      '【同理致歉】上下楼不方便,尤其是家里有老人孩子,我非常理解,给您添麻烦了。',
      '【说明】为保障乘梯安全,{楼栋}电梯因{原因}于{开始时间}至{结束时间}停运,维保单位正在作业,我们已提前公告通知。',
      '【方案与关怀】停运期间您能走另一部电梯或楼梯吗?如您家中有老人、孕妇或行动不便的家人,或需要搬运重物,我可以帮您登记,安排秩序维护员协助上下楼。',
      '【承诺】电梯恢复运行后我们会第一时间通知您;如到{结束时间}仍未恢复,我会跟进维保进度并给您回电。',
      closing,
      redLines,
    ].join('\n'),
    noticeText: [
      '尊敬的业主/住户:',
      '为保障电梯运行安全,{楼栋}电梯将于{开始时间}至{结束时间}停运进行{原因}。停运期间请您走楼梯或使用其他电梯,注意上下楼安全。',
      '如有老人、孕妇或行动不便的住户需要协助,请联系服务中心,我们将安排专人帮助。',
      '给您带来不便,敬请谅解!服务热线:{服务热线}',
      '{项目}物业服务中心',
    ].join('\n'),
  },
  {
    code: 'gas_outage',
    kind: 'planned',
    name: { 'zh-CN': '计划停气', 'en-US': 'Planned gas outage' },
    // Not linked by category: a report of a gas smell during a shutdown is a safety call of its own.
    categoryCode: null,
    title: '{楼栋}计划停气',
    callScript: [
      '【问候】您好,{项目}物业服务中心,我是客服××,很高兴为您服务。',
      '【安全优先】请问您是闻到燃气味,还是想了解停气安排?如闻到燃气味,请您立即关闭燃气阀门、打开门窗,不要开关电器,我马上安排人员上门。',
      '【同理致歉】停气期间做饭不方便,我非常理解,很抱歉给您带来不便。',
      '【说明】燃气公司因{原因},{楼栋}将于{开始时间}至{结束时间}停气,我们已提前公告通知。',
      '【方案与关怀】恢复供气后请您先确认灶具阀门关闭,再按燃气公司的提示点火;如需燃气公司上门,我可以帮您联系。',
      closing,
      redLines,
    ].join('\n'),
    noticeText: [
      '尊敬的业主/住户:',
      '接燃气公司通知,因{原因},{楼栋}将于{开始时间}至{结束时间}停止供气。停气期间请关闭家中燃气阀门;恢复供气后如有异常,请勿自行处理,及时联系服务中心。',
      '给您带来不便,敬请谅解!服务热线:{服务热线}',
      '{项目}物业服务中心',
    ].join('\n'),
  },
  {
    code: 'emergency_water',
    kind: 'emergency',
    name: { 'zh-CN': '突发停水(爆管抢修)', 'en-US': 'Emergency water outage (burst pipe)' },
    categoryCode: 'engineering.water_electric',
    title: '{楼栋}突发停水抢修',
    callScript: [
      '【问候】您好,{项目}物业服务中心,我是客服××。',
      '【同理致歉】您家里突然停水了,真的很抱歉,我非常理解您的着急。',
      '【说明】{楼栋}因{原因}于{开始时间}起临时停水,工程师傅已经在现场抢修,预计{结束时间}前恢复。',
      '【方案与关怀】我们在楼下安排了临时取水点;家中如有老人或行动不便的家人,我可以帮您登记,安排管家送水上门。请您先关闭家中水龙头,以免来水时跑水,好吗?',
      '【承诺】抢修进展我会每隔一段时间在业主端更新;恢复供水后第一时间通知您。',
      closing,
      redLines,
    ].join('\n'),
    noticeText: [
      '紧急通知:',
      '{楼栋}因{原因}于{开始时间}起临时停水,工程人员正在全力抢修,预计{结束时间}前恢复供水。请关闭家中水龙头,以免来水时跑水;需要用水帮助的住户请联系服务中心。',
      '给您带来不便,深表歉意!服务热线:{服务热线}',
      '{项目}物业服务中心',
    ].join('\n'),
  },
  {
    code: 'emergency_power',
    kind: 'emergency',
    name: { 'zh-CN': '突发停电', 'en-US': 'Emergency power outage' },
    categoryCode: 'engineering.water_electric',
    title: '{楼栋}突发停电抢修',
    callScript: [
      '【问候】您好,{项目}物业服务中心,我是客服××。',
      '【安全优先】请问有人被困在电梯里吗?如有,请您告诉我具体位置,我立即安排救援。',
      '【同理致歉】突然停电给您带来很大不便,非常抱歉,我理解您的心情。',
      '【说明】{楼栋}因{原因}于{开始时间}起停电,电工已在现场抢修,预计{结束时间}前恢复。',
      '【方案与关怀】麻烦您先关闭家中大功率电器,好吗?家中如有需要持续用电的医疗设备,请马上告诉我,我们优先协助。',
      '【承诺】恢复供电后我们第一时间通知您,抢修期间会持续在业主端更新进展。',
      closing,
      redLines,
    ].join('\n'),
    noticeText: [
      '紧急通知:',
      '{楼栋}因{原因}于{开始时间}起停电,电梯暂停运行,电工正在全力抢修,预计{结束时间}前恢复。请关闭家中大功率电器;如有人员被困电梯或需要紧急帮助,请立即拨打{服务热线}。',
      '给您带来不便,深表歉意!',
      '{项目}物业服务中心',
    ].join('\n'),
  },
  {
    code: 'elevator_fault',
    kind: 'emergency',
    name: { 'zh-CN': '电梯故障停运', 'en-US': 'Elevator fault' },
    categoryCode: 'engineering.elevator',
    title: '{楼栋}电梯故障停运',
    callScript: [
      '【问候】您好,{项目}物业服务中心,我是客服××。',
      '【安全优先】请问电梯里有人被困吗?如有,请告诉我楼栋和电梯位置,我马上通知维保单位和秩序维护员赶到现场,请被困的家人保持冷静,不要扒门。',
      '【同理致歉】电梯停用让您上下楼很不方便,真的很抱歉。',
      '【说明】{楼栋}电梯因{原因}于{开始时间}起停运,维保单位正在检修,预计{结束时间}前恢复。',
      '【方案与关怀】您能先使用同单元的另一部电梯或楼梯吗?家中如有老人或行动不便的家人,我可以帮您登记,安排人员协助上下楼。',
      '【承诺】修复后我们会第一时间通知您。',
      closing,
      redLines,
    ].join('\n'),
    noticeText: [
      '尊敬的业主/住户:',
      '{楼栋}电梯因{原因}于{开始时间}起暂停运行,维保单位正在检修,预计{结束时间}前恢复。停运期间请走楼梯或使用其他电梯;需要协助的住户请联系服务中心。',
      '给您带来不便,敬请谅解!服务热线:{服务热线}',
      '{项目}物业服务中心',
    ].join('\n'),
  },
];

export function findTemplate(code: string): IncidentTemplate | undefined {
  return incidentTemplates.find((template) => template.code === code);
}

/** Fills the placeholders that have a value; the others stay in braces for the author to see. */
export function fillTemplate(text: string, values: Partial<Record<TemplatePlaceholder, string>>): string {
  return text.replace(/\{([^{}]+)\}/g, (whole, name: string) => values[name as TemplatePlaceholder] ?? whole);
}

/** The names in braces that fillTemplate has no value for, ever: a text naming one is refused when saved. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!).filter((name) => !(templatePlaceholders as readonly string[]).includes(name));
}

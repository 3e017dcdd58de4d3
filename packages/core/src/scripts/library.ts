/**
 * The script library (话术库) of seed 001 服务技巧篇: for each everyday scenario a standard phrasing in the warm
 * register (多用"我"、"我可以"、"您能"、"麻烦……好吗", 赞美、关怀、感谢、尊崇与可靠) and one variant per DISC type
 * (第二讲: 孔雀 赢在关系, 猫头鹰 赢在细节, 老虎 赢在速度, 熊猫 赢在安心), plus a cold version of the kind the seed's
 * homework (话术温度优化) asks stewards to rewrite. Every phrasing passes the red-line QA of @manyi/text
 * (packages/text/src/scripts.test.ts).
 */
import type { DiscStyle, Label } from '../organisation/vocabulary';

export type ScriptScenario = {
  key: string;
  title: Label;
  /** The ticket category (packages/core service-desk/category-tree.ts) the scenario usually belongs to. */
  categoryCode: string | null;
  standard: string;
  disc: Record<DiscStyle, string>;
  /** A cold phrasing for the homework: what not to say, to be rewritten warm. */
  cold: string;
};

export const scriptScenarios: ScriptScenario[] = [
  {
    key: 'repair-intake',
    title: { 'zh-CN': '报修受理', 'en-US': 'Taking a repair request' },
    categoryCode: 'engineering',
    standard: '您好，感谢您及时告诉我们。我已经记下您家厨房漏水的情况，马上安排维修师傅今天下午3点前上门查看，处理好后我第一时间告诉您，您看可以吗？',
    disc: {
      peacock: '您好，多亏您细心发现得早！我马上安排最有经验的师傅今天下午上门，有任何进展我都第一时间告诉您。',
      owl: '您好，已为您登记：厨房水槽下方漏水，工单号已发到您手机。维修师傅今天15:00前上门，预计处理1小时，完成后我把维修记录发给您核对。',
      tiger: '您好，师傅今天下午3点前到，修好我马上给您回话。您看上午还是下午方便？',
      panda: '您好，您别着急，我已经安排好了。师傅今天下午会来，来之前我先给您打个电话，全程我都会陪您跟进。',
    },
    cold: '知道了，等着吧，师傅有空就去。',
  },
  {
    key: 'complaint-soothing',
    title: { 'zh-CN': '投诉安抚', 'en-US': 'Soothing a complaint' },
    categoryCode: 'service',
    standard: '非常理解您的心情，这件事确实是我们做得不够好，给您添麻烦了。我会亲自跟进，今天18点前给您一个明确的处理方案，麻烦您再给我们一点时间好吗？',
    disc: {
      peacock: '您说的我完全理解，换作是我也会着急。谢谢您愿意告诉我们，我会亲自盯着这件事，处理好后第一时间向您汇报。',
      owl: '您反映的三点我都记下了：时间、经过和影响。我会在今天18点前给您书面的处理方案，写明责任人和完成时间。',
      tiger: '是我们没做好，我来负责。今天18点前给您结果，您看这样可以吗？',
      panda: '让您受委屈了，真的很抱歉。您不用担心，后面每一步我都会主动告诉您，有什么想法随时找我。',
    },
    cold: '这个不归我们管，你找开发商去。',
  },
  {
    key: 'fee-reminder',
    title: { 'zh-CN': '催缴物业费', 'en-US': 'Reminding about the property fee' },
    categoryCode: 'fees',
    standard: '您好，打扰您了。想提醒您一下，本年度的物业费还未缴纳，您方便时可以在小程序或前台办理。如果对费用有疑问，我可以帮您把明细整理出来，您看可以吗？',
    disc: {
      peacock: '您好，一直感谢您对我们工作的支持！本年度物业费可以缴纳啦，您方便时在小程序一键就能办好，有需要我也可以上门为您办理。',
      owl: '您好，本年度物业费按每平方米2.5元每月计算，明细已发到您手机，您核对后可在小程序或前台缴纳，有疑问我可以逐项为您说明。',
      tiger: '您好，本年度物业费可以缴纳了，小程序一分钟就能办好，需要我帮您操作吗？',
      panda: '您好，不着急，想跟您说一声本年度物业费可以缴纳了。您什么时候方便都可以，有任何问题我慢慢给您解释。',
    },
    cold: '物业费还没交？没办法，规定就是这样，你自己看着办。',
  },
  {
    key: 'outage-notice',
    title: { 'zh-CN': '停水停电告知', 'en-US': 'Announcing a water or power cut' },
    categoryCode: 'engineering',
    standard:
      '尊敬的业主您好，因市政管网检修，本周六9:00至15:00小区将暂停供水，给您带来不便非常抱歉。请您提前储备用水，恢复供水后我们会第一时间通知您，感谢您的理解与支持。',
    disc: {
      peacock: '各位邻居好，本周六9点到15点小区要停水检修，辛苦大家提前备点水，我们会加班加点争取早点恢复，感谢大家一直以来的支持！',
      owl: '通知：本周六9:00至15:00，因市政管网检修，3、5、7栋暂停供水，共6小时。恢复后我们会在业主群和电梯屏同步通知。',
      tiger: '本周六9:00至15:00停水，请提前备水。恢复后第一时间通知您。',
      panda: '您好，提前跟您说一声，本周六白天会停水几个小时。您可以先接好一些水，如果有老人孩子需要帮忙，告诉我，我们可以送水上门。',
    },
    cold: '周六停水，自己看通知。',
  },
  {
    key: 'renovation-violation',
    title: { 'zh-CN': '装修违规劝导', 'en-US': 'Talking about a renovation violation' },
    categoryCode: 'renovation',
    standard:
      '您好，打扰了。我们巡查时看到您家的装修在中午12点到14点施工，按装修管理规定这段时间需要安静，麻烦您跟施工队说一下好吗？我可以把装修时间表发给您。',
    disc: {
      peacock: '您好，您家装修的设计真漂亮！有个小事想请您帮忙：中午12点到14点邻居们在休息，麻烦您提醒一下施工师傅好吗？',
      owl: '您好，根据装修管理规定第5条，工作日施工时间为8:00至12:00、14:00至18:00。今天12:30我们记录到施工噪音，麻烦您安排调整，规定原文我发给您。',
      tiger: '您好，中午12点到14点请暂停施工，麻烦您通知施工队调整，谢谢您配合。',
      panda: '您好，不好意思打扰您。邻居们中午需要休息，您能跟师傅们商量一下把噪音大的活放到下午吗？有什么困难我来帮您协调。',
    },
    cold: '你家违规施工，说了多少遍了，自己看规定。',
  },
  {
    key: 'falling-objects',
    title: { 'zh-CN': '高空抛物排查', 'en-US': 'Investigating objects thrown from height' },
    categoryCode: 'order',
    standard:
      '您好，打扰您几分钟。昨天下午8栋楼下发现有物品从高处掉落，为了大家的安全，我们正在逐户了解情况，您能帮我们回忆一下当时有没有听到什么吗？感谢您的配合。',
    disc: {
      peacock: '您好，您一直很关心小区的事，想请您帮个忙：昨天8栋楼下有东西掉下来，您那时候有没有注意到什么？',
      owl: '您好，昨天16:20左右8栋南侧发现一个花盆坠落，我们正在核对监控并逐户走访，您能告诉我当时您家窗边的情况吗？',
      tiger: '您好，昨天8栋有物品坠落，我们在逐户核实，耽误您两分钟，谢谢您配合。',
      panda: '您好，别紧张，不是针对您家。昨天楼下有东西掉下来，我们在挨家了解一下，您想到什么随时告诉我就好。',
    },
    cold: '是不是你家扔的？监控都拍到了。',
  },
  {
    key: 'return-visit',
    title: { 'zh-CN': '回访', 'en-US': 'Return visit' },
    categoryCode: null,
    standard: '您好，我是您的管家小王。前几天您家报修的水管问题已经处理好了，想跟您确认一下现在使用是否正常？您对这次服务还满意吗？有任何建议我都会认真记下。',
    disc: {
      peacock: '您好，我是管家小王！上次多亏您耐心配合，水管已经修好了，现在用着还顺心吗？有什么想法随时告诉我。',
      owl: '您好，您家12月3日报修的厨房水管已于12月4日更换，想跟您确认：目前是否还有渗水？您对维修的时间和质量打几分？',
      tiger: '您好，水管已经修好了，用着没问题吧？有问题我马上安排。',
      panda: '您好，打扰您一下，想问问水管修好后用着还放心吗？不着急，您慢慢说，有不满意的地方我都会帮您跟进。',
    },
    cold: '修好了吧？没事我挂了。',
  },
  {
    key: 'parking-dispute',
    title: { 'zh-CN': '车位纠纷调解', 'en-US': 'Settling a parking dispute' },
    categoryCode: 'order.parking',
    standard: '您好，非常理解您回家找不到车位的着急。我已经联系了占用您车位的车主，请他30分钟内挪车，处理好后我马上告诉您，您看可以吗？',
    disc: {
      peacock: '您好，辛苦了一天回来还遇到这事，换作是我也会不开心。我已经在联系车主了，很快给您腾出来。',
      owl: '您好，占用您车位的车牌号已核实，车主电话已接通，对方承诺21:30前挪车，我会到现场确认并拍照发给您。',
      tiger: '您好，车主已联系上，30分钟内挪车，我在现场盯着。',
      panda: '您好，您先别着急，我已经在处理了。您可以先临时停在访客车位，挪好后我给您打电话。',
    },
    cold: '车位的事你们自己商量，我们管不了。',
  },
];

export function findScriptScenario(key: string): ScriptScenario | undefined {
  return scriptScenarios.find((scenario) => scenario.key === key);
}

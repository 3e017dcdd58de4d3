/**
 * The demo company's communication quality and owner voice (issue 17): four months of owner-facing texts by its
 * stewards — warm ones and ones that cross each of the five red lines — scored and checked by the real engine
 * (@manyi/text), a few findings already reviewed and rubric reviews by the quality manager; and owners' own
 * words on every topic, analysed by the engine, with NPS groups, for the 贬损点 page.
 */
import { buildings, ownerVoiceTexts, qaFindings, qaReviews, qaTexts, type Transaction } from '@manyi/db';
import { analyseComment, baseTextConfig, checkReply, mergeTextConfig, qaScore, type CompanyTextAdditions } from '@manyi/text';
import { mergeSettingsData } from '../company-settings/repository';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { seededRandom } from './random';
import type { StaffRows } from './staff';

const day = 24 * 3600 * 1000;

/** What stewards wrote to owners: each red line at least twice, and warm replies that use the techniques. */
const staffTexts = [
  '知道了，等着吧。',
  '说了多少遍了，你自己看通知。',
  '这个我们做不了，没办法。',
  '不行，规定就是这样。',
  '你确定是楼上漏的吗？我们上次看过没问题啊。',
  '不可能吧，别的业主都没反映过。',
  '亲，师傅明儿个过去哈，妥妥的~',
  '这事儿搞定了，放心吧哈哈。',
  '这个不归我们管，你去找开发商。',
  '这是物业公司规定的，跟我说没用，你找领导吧。',
  '您好，感谢您的耐心等待，我已安排师傅今天下午3点上门查看，处理好后我第一时间告诉您。',
  '非常抱歉给您带来不便，我马上联系工程部，今晚8点前给您回复进度，您看可以吗？',
  '需要开发商维修，我可以帮您联系并跟进，明天上午10点前告诉您结果。',
  '您说得对，这件事是我们没做好，我已经安排保洁今天中午前清理干净，麻烦您下午再看一下好吗？',
  '谢谢您提醒，车库入口的灯我们已经换好了，以后有问题随时找我。',
  '您好，电梯维保单位已在维修，预计今天18点前恢复，期间我会每两小时向您告知一次进度。',
  '物业费的明细我已经整理好，麻烦您方便时到前台核对一下好吗？我可以陪您一起看。',
  '您反映的噪音问题我已记下，今晚我会亲自去12栋了解情况，明早9点前给您答复。',
  // Return-visit remarks: the owner quoted is not the steward's red line (the company rule is staff side only).
  '回访时业主说：“物业就是走流程”，我已致歉，明天上午10点我陪师傅再上门复查。',
  '师傅明天上午到，按老规矩走流程。',
];

/**
 * The demo company's own rules, sample rates and script (issue 17 §2, §3), edited in 沟通质检 → 质检规则 and 话术库:
 * a keyword rule limited to the staff side, a regular expression with an exception, sample phrasings matched by
 * similarity and marked auto-fail.
 */
export const demoTextAdditions: CompanyTextAdditions = {
  rules: [
    {
      id: 'co.jargon',
      redLine: 'casual',
      match: { kind: 'keywords', terms: ['老规矩', '走流程'], mode: 'any' },
      staffSideOnly: true,
      severity: 'medium',
      why: { 'zh-CN': '“老规矩”“走流程”是内部说法，业主听不懂，要说清楚怎么做、什么时候', 'en-US': 'In-house jargon the owner cannot follow' },
      replacement: '按约定的步骤',
    },
    {
      id: 'co.fee-threat',
      redLine: 'refusing',
      match: { kind: 'regex', pattern: '(不交|欠费).{0,6}(停|断|锁)' },
      unless: [{ pattern: '(不会|绝不|不得).{0,4}(停|断|锁)', scope: 'sentence' }],
      staffSideOnly: true,
      severity: 'high',
      autoFail: true,
      why: { 'zh-CN': '以停水停电、锁门要挟催费违反规定，也最伤业主', 'en-US': 'Threatening to cut supply over fees is not allowed' },
    },
    {
      id: 'co.blame-owner',
      redLine: 'doubting',
      match: { kind: 'similar', samples: ['这是你自己弄坏的', '肯定是你们家自己的问题'], threshold: 0.55 },
      staffSideOnly: true,
      severity: 'high',
      why: { 'zh-CN': '未查明原因就把责任推给业主', 'en-US': 'Blaming the owner before the cause is known' },
    },
  ],
};
export const demoSampling = { defaultRate: 0.2, byPost: { steward: 0.3 }, byStaff: {} };
export const demoScript = {
  key: 'parcel-holding',
  title: { 'zh-CN': '快递代收', 'en-US': 'Holding parcels' },
  categoryCode: 'service',
  standard: '您好，您的快递我们已代为签收，放在前台，麻烦您方便时来取好吗？',
  disc: {
    peacock: '您好，好消息！您的快递已经到了，我帮您放在前台，您随时可以来取。',
    owl: '您好，您的快递（1件）已于今天14:20代签收，存放在1号楼前台，凭手机尾号领取。',
    tiger: '您好，快递已在前台，随时可取。',
    panda: '您好，您的快递我们帮您收好了，放在前台很安全，您别着急，方便时再来。',
  },
  cold: '快递自己来拿，放前台了。',
};

/** Owners' words on every topic of the engine; the first share of each list leans detractor. */
const ownerComments = [
  '电梯又坏了，困了半小时没人管，太差了',
  '电梯经常停运，老人上下楼太不方便',
  '地下车库一直漏水，报了三次都没修好',
  '暖气不热，打电话说来修也没人来',
  '楼道里的垃圾好几天没人清理，味道很大',
  '保洁阿姨很负责，楼道每天都很干净',
  '小区绿化很久没修剪了，草都长疯了',
  '花园里的花开得很漂亮，绿化做得不错',
  '外来人员随便进出，门岗根本不管',
  '保安大哥巡逻很认真，晚上回家很安心',
  '车位太少，每天晚上都找不到地方停车',
  '地库乱停车没人管，消防通道都堵了',
  '楼上装修天天早上七点就开始砸墙，吵死了',
  '晚上广场舞音乐太吵，投诉了也没用',
  '有人遛狗不牵绳，小孩都吓哭了',
  '物业费涨了服务却没变好，不想交了',
  '停车费收得太贵，也不公示收支',
  '隔壁违规装修把承重墙拆了，物业也不管',
  '管家态度很冷淡，问什么都爱答不理',
  '前台小姑娘说话很不耐烦，让人很不舒服',
  '报修之后三天都没人回复，效率太低',
  '投诉了一个月都没有结果，一直推来推去',
  '停水也不提前通知，早上起来没水洗漱',
  '公共收益从来不公开，不知道钱花哪了',
  '管家小王很热情，有事找她都能很快解决',
  '维修师傅来得很快，修得也很仔细，点赞',
  '物业通知发得很及时，停电前一天就告诉我们了',
  '整体还可以，就是电梯有点旧',
  '小区环境还行，希望垃圾分类能做得更好',
  '停车还算方便，就是晚上灯有点暗',
];

export async function seedTextQa(tx: Transaction, tenantId: string, staff: StaffRows, now: Date): Promise<{ texts: number; findings: number; voices: number }> {
  const random = seededRandom(17);
  const stewards = staff.staff.filter((row) => (row.roles as string[]).includes('steward'));
  const quality = staff.staff.find((row) => (row.roles as string[]).includes('quality'))!;
  const projectOf = new Map(staff.assignments.map((assignment) => [assignment.staffId, assignment.projectId]));
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day + random.int(9, 18) * 3600 * 1000 - 12 * 3600 * 1000);

  const texts: (typeof qaTexts.$inferInsert)[] = [];
  const findings: (typeof qaFindings.$inferInsert)[] = [];
  const reviews: (typeof qaReviews.$inferInsert)[] = [];
  await mergeSettingsData(tx, tenantId, { textQa: demoTextAdditions, textQaSampling: demoSampling, scripts: [demoScript] }, now);
  const config = mergeTextConfig(baseTextConfig, demoTextAdditions);
  const sources = ['ticket_update', 'ticket_update', 'visit_remark', 'canned_reply', 'notice'] as const;
  // Fewer cold replies month by month: the trend the quality department hopes to see.
  for (let round = 0; round < 4; round += 1) {
    for (const [index, body] of staffTexts.entries()) {
      const cold = index < 10 || index === staffTexts.length - 1;
      if (cold && random.chance(round * 0.2)) continue;
      const author = stewards[(index + round * 3) % stewards.length]!;
      const check = checkReply(body, config);
      const id = uuidv7();
      const createdAt = at(110 - round * 30 - random.int(0, 25));
      texts.push({
        id,
        tenantId,
        sourceType: index >= staffTexts.length - 2 ? 'visit_remark' : sources[(index + round) % sources.length]!,
        sourceId: uuidv7(),
        projectId: projectOf.get(author.id) ?? null,
        authorId: author.id,
        body,
        score: qaScore(check),
        warmth: check.warmth.score,
        autoFailed: check.autoFail,
        redLines: check.redLines,
        sampled: check.autoFail || index % 4 === 0,
        createdAt,
      });
      // The latest round is still open for review; earlier ones were accepted by the quality manager.
      for (const finding of check.findings)
        findings.push({
          tenantId,
          textId: id,
          ruleId: finding.ruleId,
          redLine: finding.redLine,
          start: finding.start,
          end: finding.end,
          excerpt: finding.excerpt,
          why: finding.why,
          severity: finding.severity,
          autoFail: finding.autoFail,
          rewrite: check.rewrite?.text ?? null,
          status: round === 3 ? 'open' : 'accepted',
          reviewedById: round === 3 ? null : quality.id,
          reviewedAt: round === 3 ? null : new Date(createdAt.getTime() + day),
          createdAt,
        });
      if (round < 3 && index % 4 === 0) {
        const base = check.autoFail ? 1 : 4;
        const rubric = { greeting: base, listening: base, empathy: Math.max(0, base - 1), solution: base, commitment: base, closing: base };
        const points = Object.values(rubric).reduce((sum, value) => sum + value, 0);
        reviews.push({
          tenantId,
          textId: id,
          reviewerId: quality.id,
          rubric,
          total: check.autoFail ? 0 : Math.round((points / 30) * 100),
          comment: null,
          createdAt,
        });
      }
    }
  }
  // Homework (话术温度优化): two stewards rewrote the cold 投诉安抚 script; the quality manager commented on both.
  const homework = [
    { body: '这个问题我们会处理的，你等通知吧。', comment: '有承诺但没有时间，也少了共情，试试“非常理解您的心情”开头。' },
    {
      body: '非常理解您的心情，这件事是我们没做好。需要开发商维修的部分我可以帮您联系并跟进，今天18点前给您回复，您看可以吗？',
      comment: '共情、担当和时间承诺都有，可以作为范例。',
    },
  ];
  for (const [index, item] of homework.entries()) {
    const check = checkReply(item.body);
    const id = uuidv7();
    const createdAt = at(6 - index * 2);
    texts.push({
      id,
      tenantId,
      sourceType: 'homework',
      sourceId: 'complaint-soothing',
      authorId: stewards[index]!.id,
      body: item.body,
      score: qaScore(check),
      warmth: check.warmth.score,
      autoFailed: check.autoFail,
      redLines: check.redLines,
      sampled: true,
      createdAt,
    });
    const level = index === 0 ? 3 : 5;
    const rubric = { greeting: level, listening: level, empathy: index === 0 ? 1 : 5, solution: level, commitment: index === 0 ? 2 : 5, closing: level };
    const points = Object.values(rubric).reduce((sum, value) => sum + value, 0);
    reviews.push({
      tenantId,
      textId: id,
      reviewerId: quality.id,
      rubric,
      total: Math.round((points / 30) * 100),
      comment: item.comment,
      createdAt: new Date(createdAt.getTime() + day),
    });
  }
  await tx.insert(qaTexts).values(texts);
  await tx.insert(qaFindings).values(findings);
  if (reviews.length) await tx.insert(qaReviews).values(reviews);

  const places = await tx.select({ id: buildings.id, projectId: buildings.projectId }).from(buildings).where(eq(buildings.tenantId, tenantId));
  const voices: (typeof ownerVoiceTexts.$inferInsert)[] = [];
  for (let copy = 0; copy < 6; copy += 1) {
    for (const [index, body] of ownerComments.entries()) {
      const analysis = analyseComment(body);
      const place = places[random.int(0, places.length - 1)]!;
      const negative = analysis.sentiment.polarity === 'negative';
      const npsGroup = negative
        ? random.chance(0.8)
          ? 'detractor'
          : 'passive'
        : analysis.sentiment.polarity === 'positive'
          ? random.chance(0.85)
            ? 'promoter'
            : 'passive'
          : 'passive';
      voices.push({
        tenantId,
        sourceType: 'survey_answer',
        sourceId: `demo-${copy}-${index}:comment`,
        projectId: place.projectId,
        buildingId: place.id,
        post: analysis.topics[0]?.categoryCode.split('.')[0] ?? null,
        npsGroup,
        body,
        polarity: analysis.sentiment.polarity,
        sentiment: analysis.sentiment.score,
        topics: analysis.topics.map((topic) => topic.code),
        occurredAt: at(copy * 25 + random.int(0, 20)),
      });
    }
  }
  await tx.insert(ownerVoiceTexts).values(voices);
  return { texts: texts.length, findings: findings.length, voices: voices.length };
}

/**
 * Script practice (话术练习, issue 19 §5 "script practice from the script library"): seed 001 第一讲's homework
 * (课后作业1: 服务常见场景的话术温度优化) asks stewards to say the everyday scenes warmly, and 第二讲 to say them
 * differently to each DISC type. A practice situation is therefore one scenario of the script library told by an
 * owner of one type (or an owner of no particular type, answered with the standard phrasing): the steward
 * writes what they would say, the red-line QA and the warmth techniques score it, and it is set beside the
 * library's phrasing for that situation, which is the model.
 */
import { discStyles, vocabulary, type DiscStyle, type Label } from '../organisation/vocabulary';
import type { ScriptScenario } from '../scripts/library';

/** Who the steward speaks to: an owner of no particular type, or one of the four DISC types (第二讲). */
export const practiceSituations = vocabulary({
  standard: { 'zh-CN': '一般业主', 'en-US': 'Any owner' },
  ...discStyles.labels,
});
export type PracticeSituation = (typeof practiceSituations.values)[number];

/** What the owner says when the scenario starts, in our own words, for the built-in scenarios (packages/core scripts/library.ts). */
const openings: Record<string, Label> = {
  'repair-intake': {
    'zh-CN': '喂，物业吗？我家厨房水槽下面一直在滴水，地上都湿了，你们什么时候能来看看？',
    'en-US': 'Hello, property office? The pipe under my kitchen sink keeps dripping and the floor is wet. When can someone come?',
  },
  'complaint-soothing': {
    'zh-CN': '我反映了好几次了，一直没人管，你们物业到底是干什么的？',
    'en-US': 'I have reported this several times and nobody does anything. What is the property company for?',
  },
  'fee-reminder': {
    'zh-CN': '（业主接起电话）喂，哪位？',
    'en-US': '(The owner picks up the phone) Hello, who is this?',
  },
  'outage-notice': {
    'zh-CN': '（写给一栋楼的通知：本周六9:00至15:00因市政管网检修停水，请写下您发给业主的话。）',
    'en-US': '(A notice to one building: water off this Saturday 9:00–15:00 for municipal pipe works. Write what you send the owners.)',
  },
  'renovation-violation': {
    'zh-CN': '（中午12点半，您敲开正在施工的业主家门，业主开门问：）有什么事吗？',
    'en-US': '(At 12:30 you knock at a flat being renovated during quiet hours; the owner opens:) Yes, what is it?',
  },
  'falling-objects': {
    'zh-CN': '（您在8栋逐户走访，业主开门问：）你们找我有什么事？',
    'en-US': '(Going door to door in building 8; the owner opens:) What do you want?',
  },
  'return-visit': {
    'zh-CN': '（维修完成两天后您打回访电话，业主接起：）喂，你好。',
    'en-US': '(Two days after a repair you call back; the owner answers:) Hello.',
  },
  'parking-dispute': {
    'zh-CN': '我的车位又被人占了！我下班回来根本没地方停，你们管不管？',
    'en-US': 'Someone has taken my parking space again! I am back from work with nowhere to park. Will you do something?',
  },
};

/** The owner's words that open the scenario; a company's own script, which has none, opens with its title. */
export function practiceOpening(scenario: Pick<ScriptScenario, 'key' | 'title'>): Label {
  return (
    openings[scenario.key] ?? {
      'zh-CN': `（场景：${scenario.title['zh-CN']}）请写下您对业主说的话。`,
      'en-US': `(Scene: ${scenario.title['en-US']}) Write what you say to the owner.`,
    }
  );
}

/** The library's phrasing for the situation: the DISC variant for an owner of that type, else the standard one. */
export function practiceModel(scenario: Pick<ScriptScenario, 'standard' | 'disc'>, situation: PracticeSituation): string {
  return situation === 'standard' ? scenario.standard : scenario.disc[situation as DiscStyle];
}

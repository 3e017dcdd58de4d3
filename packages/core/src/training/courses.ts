/**
 * The built-in courses of the training academy: the method the product implements, retold in our own
 * words for stewards and frontline staff (the seeds are training courses; we teach what they teach,
 * not their text). Each course has short lessons and a quiz; companies add their own courses beside these.
 * Sources: seed 001 (SERVQUAL, NPS, MOT and peak-end, CLEAR, red lines and warmth, DISC, 5 GAP), seed 004
 * (Kano, expectation and perception), seed 000 (moments of truth, complaint handling).
 */
import type { Label } from '../organisation/vocabulary';

export type QuizOption = { id: string; text: Label };
export type QuizQuestion = {
  id: string;
  text: Label;
  options: QuizOption[];
  /** One or more; a question is answered right when exactly these are chosen. */
  correct: string[];
  explanation: Label;
};
export type Lesson = { id: string; title: Label; body: Label; minutes: number };
export type Course = { key: string; title: Label; summary: Label; topic: CourseTopic; lessons: Lesson[]; quiz: QuizQuestion[] };

export const courseTopics = ['servqual', 'nps', 'kano', 'mot', 'clear', 'red_lines', 'disc', 'five_gap', 'custom'] as const;
export type CourseTopic = (typeof courseTopics)[number];

const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const options = (...items: [string, string, string][]): QuizOption[] => items.map(([id, zh, en]) => ({ id, text: l(zh, en) }));

export const builtInCourses: readonly Course[] = [
  {
    key: 'servqual',
    topic: 'servqual',
    title: l('服务质量五个维度（SERVQUAL）', 'The five dimensions of service quality (SERVQUAL)'),
    summary: l(
      '业主用哪五把尺子衡量我们的服务，以及满意度为什么等于感知减期望。',
      'The five yardsticks owners use, and why satisfaction is perception minus expectation.',
    ),
    lessons: [
      {
        id: 'dimensions',
        minutes: 4,
        title: l('五个维度', 'Five dimensions'),
        body: l(
          '业主评价服务时看五件事：有形度（设施、环境、员工的仪容仪表）、专业度（会不会做、做得对不对）、反应度（多快答复、多快解决）、信赖度（说到做到，承诺的时间兑现）、同理度（站在业主角度，主动多做一步）。每个与业主接触的岗位，都可以把自己的工作规范拆到这五个维度上，写成可以检查的指标，并给出权重。',
          'Owners judge service on five things: tangibles (facilities, surroundings, how staff look), assurance (can we do it, and do it right), responsiveness (how fast we answer and fix), reliability (we do what we promised, on time) and empathy (we see it from the owner’s side and do one step more). Every post that meets owners can break its work rules down along these five dimensions into checkable indicators with weights.',
        ),
      },
      {
        id: 'gap',
        minutes: 3,
        title: l('满意＝感知－期望', 'Satisfaction = perception − expectation'),
        body: l(
          '同样的服务，期望高的业主更容易不满意。期望来自三处：在别的行业得到过的服务、亲友的口碑、我们自己公开或暗示的承诺。所以提升满意有两条路：把服务做好（提高感知），以及不乱承诺、提前告知（管理期望）。调查里成对地问“您期望……”和“您感受到……”，差值就是该改进的地方。',
          'The same service disappoints an owner who expected more. Expectations come from three places: service met in other industries, what friends say, and what we ourselves promised or implied. So there are two ways up: serve better (raise perception) and promise carefully and announce early (manage expectation). Surveys ask “what did you expect” and “what did you get” in pairs; the difference shows where to improve.',
        ),
      },
    ],
    quiz: [
      {
        id: 'q1',
        text: l(
          '保安为访客指路时面带微笑、着装整齐，主要体现哪个维度？',
          'A guard in a clean uniform who smiles while showing a visitor the way shows mainly which dimension?',
        ),
        options: options(['a', '有形度', 'Tangibles'], ['b', '反应度', 'Responsiveness'], ['c', '信赖度', 'Reliability']),
        correct: ['a'],
        explanation: l('仪容仪表和环境属于有形度。', 'Appearance and surroundings are tangibles.'),
      },
      {
        id: 'q2',
        text: l('答应业主“下午三点前修好”并做到了，体现哪个维度？', 'Promising “fixed before 3 pm” and keeping it shows which dimension?'),
        options: options(['a', '同理度', 'Empathy'], ['b', '信赖度', 'Reliability'], ['c', '有形度', 'Tangibles']),
        correct: ['b'],
        explanation: l('兑现承诺是信赖度。', 'Keeping a promise is reliability.'),
      },
      {
        id: 'q3',
        text: l('业主期望来自哪些地方？（多选）', 'Where do owners’ expectations come from? (choose all)'),
        options: options(
          ['a', '在其他行业得到过的服务', 'Service met in other industries'],
          ['b', '亲友的口碑', 'What friends and family say'],
          ['c', '物业公司公开或暗示的承诺', 'What the company promised or implied'],
          ['d', '业主的收入', 'The owner’s income'],
        ),
        correct: ['a', 'b', 'c'],
        explanation: l('期望的三个来源：其他行业的经历、口碑、我们的承诺。', 'The three sources: other industries, word of mouth, our promises.'),
      },
    ],
  },
  {
    key: 'nps',
    topic: 'nps',
    title: l('净推荐值（NPS）与贬损业主', 'Net Promoter Score and detractors'),
    summary: l(
      '“您愿意把我们推荐给亲友吗？”一题背后的算法，以及为什么一个人的敷衍能抵消一百个人的坚持。',
      'The arithmetic behind “would you recommend us?”, and why one careless person undoes a hundred.',
    ),
    lessons: [
      {
        id: 'score',
        minutes: 3,
        title: l('怎么算', 'How it is computed'),
        body: l(
          '业主用 0–10 分回答“您有多大可能把我们推荐给亲友”。9–10 分是推荐者，7–8 分是被动者，0–6 分是贬损者。NPS＝推荐者占比－贬损者占比，范围 −100 到 +100。样本少时误差很大，所以系统会同时给出误差范围，样本不足时不要下结论。',
          'Owners answer “how likely are you to recommend us to friends” from 0 to 10. 9–10 are promoters, 7–8 passives, 0–6 detractors. NPS = share of promoters − share of detractors, from −100 to +100. With few answers the margin is wide, so the product shows it; with too few, draw no conclusion.',
        ),
      },
      {
        id: 'recovery',
        minutes: 3,
        title: l('把贬损者变成推荐者', 'Turning detractors into promoters'),
        body: l(
          '负面口碑传得比正面快。每个贬损者都应当在期限内被联系：听他说清原因，解决能解决的，说明不能马上解决的进展，之后再回访。有细节可分享、有故事可传播的服务，才会被推荐。',
          'Bad word travels faster than good. Every detractor should be contacted within a deadline: hear the reason, fix what can be fixed, explain progress on what cannot yet, and call back later. Service with details worth sharing and stories worth telling is what gets recommended.',
        ),
      },
    ],
    quiz: [
      {
        id: 'q1',
        text: l('打 7 分的业主属于？', 'An owner who answers 7 is a…'),
        options: options(['a', '推荐者', 'Promoter'], ['b', '被动者', 'Passive'], ['c', '贬损者', 'Detractor']),
        correct: ['b'],
        explanation: l('7–8 分是被动者，不计入 NPS 的加减。', '7–8 are passives; they count in neither share.'),
      },
      {
        id: 'q2',
        text: l('100 位业主中 50 位推荐者、20 位贬损者，NPS 是多少？', '50 promoters and 20 detractors among 100 owners: what is the NPS?'),
        options: options(['a', '30', '30'], ['b', '50', '50'], ['c', '70', '70']),
        correct: ['a'],
        explanation: l('50% − 20% ＝ 30。', '50% − 20% = 30.'),
      },
    ],
  },
  {
    key: 'kano',
    topic: 'kano',
    title: l('Kano 模型：哪些服务是必备，哪些是惊喜', 'The Kano model: must-haves and delighters'),
    summary: l(
      '不是每项服务做得越多越好：分清必备、期望、魅力、无差异和反向因素。',
      'Not every service pays back the same: tell must-be, performance, attractive, indifferent and reverse apart.',
    ),
    lessons: [
      {
        id: 'categories',
        minutes: 4,
        title: l('五类因素', 'Five categories'),
        body: l(
          '必备因素做好了业主觉得理所当然，做不好就强烈不满（如电梯正常运行）；期望因素做得越好越满意（如维修速度）；魅力因素没有也不会不满，有了会惊喜（如高考期间的安静提示）；无差异因素做不做业主都不在意；反向因素做了反而招人烦。每项服务用一对问题来判断：“如果有这项服务您觉得如何”“如果没有呢”。',
          'Must-be items are taken for granted when done and cause strong dissatisfaction when missing (lifts that work); performance items please more the better they are (repair speed); attractive items are not missed but delight when present (a quiet-hours reminder during the college entrance exam); indifferent items do not matter; reverse items annoy. Each item is classified from a pair of questions: “how do you feel if we offer it” and “if we do not”.',
        ),
      },
    ],
    quiz: [
      {
        id: 'q1',
        text: l('电梯坏了业主非常不满，但正常运行时没人表扬，这是？', 'Owners are furious when the lift breaks but never praise it when it works. This is…'),
        options: options(['a', '必备因素', 'Must-be'], ['b', '魅力因素', 'Attractive'], ['c', '无差异因素', 'Indifferent']),
        correct: ['a'],
        explanation: l('做好理所当然、做不好强烈不满，是必备因素。', 'Taken for granted when done, resented when missing: must-be.'),
      },
    ],
  },
  {
    key: 'mot',
    topic: 'mot',
    title: l('关键时刻（MOT）与峰终定律', 'Moments of truth and the peak-end rule'),
    summary: l(
      '业主记住的是最强烈的一刻和最后一刻：在每个岗位找出关键时刻，设计高峰和结尾。',
      'Owners remember the most intense moment and the last one: find each post’s moments of truth and design the peak and the end.',
    ),
    lessons: [
      {
        id: 'moments',
        minutes: 4,
        title: l('无处不在的关键时刻', 'Moments of truth everywhere'),
        body: l(
          '业主每次与我们接触——门岗指路、电话报修、师傅上门、管家回访——都是一个关键时刻，几秒钟就决定了印象。一线员工最了解业主，应当被授权做职责之外的小事，并因让业主满意的“自作主张”受到奖励。',
          'Every contact — a guard showing the way, a call to report a repair, a technician at the door, a steward’s follow-up call — is a moment of truth where an impression forms in seconds. Frontline staff know owners best; they should be allowed small things beyond their duties and rewarded for initiative that delighted an owner.',
        ),
      },
      {
        id: 'peak-end',
        minutes: 3,
        title: l('峰终定律', 'The peak-end rule'),
        body: l(
          '人对一段经历的评价，主要取决于最高峰（或最低谷）的感受和结束时的感受，而不是平均值。所以一次维修要刻意设计一个让业主印象深刻的细节（例如鞋套、清理现场、讲清原因），并设计一个好的结尾（确认满意、留下联系方式、过几天回访）。',
          'People judge an experience mostly by its most intense moment and its end, not its average. So a repair should have one designed detail the owner will remember (shoe covers, a clean site, the cause explained) and a good ending (confirm the owner is satisfied, leave a contact, call back a few days later).',
        ),
      },
    ],
    quiz: [
      {
        id: 'q1',
        text: l('按照峰终定律，业主对一次服务的评价主要取决于？（多选）', 'By the peak-end rule an owner’s judgement depends mostly on… (choose all)'),
        options: options(
          ['a', '最强烈的时刻', 'The most intense moment'],
          ['b', '结束时的感受', 'How it ended'],
          ['c', '每一步的平均感受', 'The average of every step'],
        ),
        correct: ['a', 'b'],
        explanation: l('峰值和终值决定记忆，平均值不决定。', 'The peak and the end shape memory; the average does not.'),
      },
    ],
  },
  {
    key: 'clear',
    topic: 'clear',
    title: l('CLEAR 投诉化解法', 'The CLEAR method for complaints'),
    summary: l(
      '控制情绪、聆听、同理、道歉、方案：五步让业主心情转晴。',
      'Control, listen, establish empathy, apologise, resolve: five steps that clear an owner’s mood.',
    ),
    lessons: [
      {
        id: 'steps',
        minutes: 5,
        title: l('五个步骤', 'Five steps'),
        body: l(
          'C 控制情绪：先管住自己的情绪，不争辩，让业主把火气发出来。L 聆听：让业主说完，复述确认“您是说……对吗”。E 同理：说出业主的感受，“换作是我也会着急”。A 道歉：为给业主带来的不便真诚道歉，不找借口。R 方案：提出具体的解决办法和承诺的时间，并说明谁来跟进。顺序很重要：先处理心情，再处理事情。',
          'C, control: manage your own emotion, do not argue, let the owner vent. L, listen: let the owner finish and confirm back, “you mean …, right?”. E, establish empathy: name the feeling, “I would be worried too”. A, apologise: sincerely, for the trouble caused, without excuses. R, resolve: a concrete plan with a promised time and who will follow up. Order matters: first the feelings, then the facts.',
        ),
      },
      {
        id: 'escalation',
        minutes: 3,
        title: l('防止投诉升级', 'Keeping complaints from escalating'),
        body: l(
          '投诉升级常见于：没有提前告知、处理中没有进展反馈、承诺没有兑现、态度敷衍。对策是提前告知、全程跟进、承诺兑现、态度真诚、流程变通、细节到位。处理完还要做服务补救：情感上（快速行动、及时沟通、公平对待、维护关系）和问题上（跟踪、吸取教训、避免再犯）。',
          'Complaints escalate when nothing was announced, no progress was reported, a promise was broken or the tone was careless. The answer: announce early, follow up all the way, keep promises, be sincere, be flexible in procedure, get details right. Afterwards, recover: emotionally (act fast, keep talking, be fair, keep the relationship) and on the problem (track it, learn, prevent a repeat).',
        ),
      },
    ],
    quiz: [
      {
        id: 'q1',
        text: l('CLEAR 中 “E” 指的是？', 'In CLEAR, “E” stands for…'),
        options: options(['a', '解释原因', 'Explain the cause'], ['b', '同理链接', 'Establish empathy'], ['c', '上报领导', 'Escalate to the manager']),
        correct: ['b'],
        explanation: l('E 是 Establish：与业主建立同理。', 'E is establish: connect with the owner’s feeling.'),
      },
      {
        id: 'q2',
        text: l('提出方案时必须包含什么？', 'What must a resolution include?'),
        options: options(
          ['a', '具体做法和承诺时间', 'A concrete action and a promised time'],
          ['b', '责任在谁', 'Whose fault it was'],
          ['c', '公司的规定条款', 'The company’s rule numbers'],
        ),
        correct: ['a'],
        explanation: l('没有时间的承诺无法兑现也无法检查。', 'A promise without a time can be neither kept nor checked.'),
      },
    ],
  },
  {
    key: 'red-lines',
    topic: 'red_lines',
    title: l('沟通五条红线与温度技巧', 'The five red lines and warm phrasing'),
    summary: l(
      '烦躁、拒绝、质疑、随意、推诿，会把一个问题变成对态度的投诉；四个温度技巧和四个愉悦技巧让同一句话变暖。',
      'Impatience, refusal, doubt, casualness and buck-passing turn a problem into a complaint about attitude; four warmth and four pleasure techniques warm the same words.',
    ),
    lessons: [
      {
        id: 'red-lines',
        minutes: 4,
        title: l('五条红线', 'Five red lines'),
        body: l(
          '烦躁：惜字如金、不愿解释（“知道了”“等着吧”）。拒绝：直接说不行，不给替代办法。质疑：怀疑业主的说法（“不可能吧”“您确定吗”）。随意：口语化、不严肃（“没事儿”“随便”）。推诿：把责任推给别人或说与岗位无关（“这不归我们管”）。礼貌地说明做不到并给出替代办法，或说明需要第三方但自己负责跟进，不算红线。',
          'Impatience: few words, no explanation (“got it”, “just wait”). Refusal: a flat no with no alternative. Doubt: questioning the owner (“impossible”, “are you sure?”). Casualness: slangy, not serious (“no biggie”, “whatever”). Buck-passing: shifting responsibility or “not my job”. Politely saying what cannot be done while offering an alternative, or naming another party while keeping ownership of the follow-up, is not a red line.',
        ),
      },
      {
        id: 'warmth',
        minutes: 4,
        title: l('温度与愉悦技巧', 'Warmth and pleasure techniques'),
        body: l(
          '温度技巧：多用“我”（“我来帮您查”）；多用“我可以”（“我可以今天下午安排师傅”）；用“您能”缓解紧张（“您能告诉我具体位置吗”）；用“麻烦……好吗？”征求同意。愉悦技巧：恰当的赞美、及时的关怀、习惯性的感谢、强调尊崇与可靠。',
          'Warmth: say “I” (“I will check for you”); say “I can” (“I can send a technician this afternoon”); ask “could you” to ease tension (“could you tell me exactly where?”); ask consent with “would you mind …?”. Pleasure: apt praise, timely care, habitual thanks, and stressing respect and reliability.',
        ),
      },
    ],
    quiz: [
      {
        id: 'q1',
        text: l('“这个不归我们管，您找开发商去。”触犯了哪条红线？', '“That’s not our business, go to the developer.” Which red line?'),
        options: options(['a', '推诿', 'Buck-passing'], ['b', '随意', 'Casualness'], ['c', '质疑', 'Doubt']),
        correct: ['a'],
        explanation: l('把责任推给别人而不跟进，是推诿。', 'Shifting responsibility without following up is buck-passing.'),
      },
      {
        id: 'q2',
        text: l(
          '“需要开发商维修，我可以帮您联系并跟进。”是否触犯红线？',
          '“The developer must repair it; I can contact them and follow up for you.” A red line?',
        ),
        options: options(['a', '不是', 'No'], ['b', '是，推诿', 'Yes, buck-passing']),
        correct: ['a'],
        explanation: l('说明第三方但自己负责跟进，保留了责任，不是红线。', 'Naming another party while keeping ownership is not a red line.'),
      },
    ],
  },
  {
    key: 'disc',
    topic: 'disc',
    title: l('DISC：四类业主的沟通方式', 'DISC: talking with four kinds of owners'),
    summary: l(
      '孔雀、猫头鹰、老虎、熊猫：看出业主的风格，用他舒服的方式沟通。',
      'Peacock, owl, tiger, panda: read the owner’s style and speak in the way that suits them.',
    ),
    lessons: [
      {
        id: 'types',
        minutes: 5,
        title: l('四种类型', 'Four types'),
        body: l(
          '孔雀型：话多、情绪起伏、表达夸张——先建立关系，多倾听和回应情绪。猫头鹰型：追问细节、谨慎、讲道理——准备好数据和依据，说清楚每一步。老虎型：以自我为中心、说一不二、要掌控——直接给结论和时间，动作要快。熊猫型：反应慢、委婉、回避压力、反复询问——耐心重复，让他安心，书面留下要点。',
          'Peacock: talkative, emotional, vivid — win the relationship first, listen and answer the feeling. Owl: asks for detail, careful, logical — bring facts and reasons, explain each step. Tiger: self-centred, decisive, wants control — give the conclusion and the time first, act fast. Panda: slow, gentle, avoids pressure, asks again and again — repeat patiently, reassure, leave the key points in writing.',
        ),
      },
    ],
    quiz: [
      {
        id: 'q1',
        text: l('业主脾气急、不听解释、只要结果，应怎样沟通？', 'An impatient owner who wants only the result: how to talk with them?'),
        options: options(
          ['a', '直接给方案和时间，快速行动', 'Give the plan and the time at once, act fast'],
          ['b', '详细讲解规定条款', 'Explain the rules in detail'],
          ['c', '先聊聊家常', 'Start with small talk'],
        ),
        correct: ['a'],
        explanation: l('老虎型赢在速度。', 'With a tiger, speed wins.'),
      },
    ],
  },
  {
    key: 'five-gap',
    topic: 'five_gap',
    title: l('服务质量五大差距（5 GAP）', 'The five gaps of service quality'),
    summary: l(
      '从管理者的认知到业主的感受，服务在哪一环出了差距，用数据找出来。',
      'From management’s understanding to the owner’s experience: find with data where service falls short.',
    ),
    lessons: [
      {
        id: 'gaps',
        minutes: 5,
        title: l('五个差距', 'Five gaps'),
        body: l(
          '差距1：管理者以为的业主期望与业主真实期望不同。差距2：服务标准没有反映对业主期望的理解。差距3：一线执行没有达到标准。差距4：对业主的承诺与实际交付不符。差距5：业主的感知低于期望，前四个差距最终都体现在这里。缩小差距要定 SMART 目标，并把行动分到每个人。',
          'Gap 1: what managers think owners expect differs from what they expect. Gap 2: standards do not reflect that understanding. Gap 3: delivery falls short of the standards. Gap 4: what we promise differs from what we deliver. Gap 5: owners perceive less than they expected; the other four end up here. Closing them takes SMART targets and actions owned by named people.',
        ),
      },
    ],
    quiz: [
      {
        id: 'q1',
        text: l('巡检发现保洁没按标准频次清扫，属于哪个差距？', 'An inspection finds cleaning below the standard frequency. Which gap?'),
        options: options(['a', '差距1', 'Gap 1'], ['b', '差距3', 'Gap 3'], ['c', '差距5', 'Gap 5']),
        correct: ['b'],
        explanation: l('执行没有达到标准是差距3。', 'Delivery below the standard is gap 3.'),
      },
    ],
  },
];

/**
 * Case drills (案例演练): a steward reads a case as the owner tells it, turn by turn, and answers each turn
 * in writing; the answer is scored by the CLEAR checklist and the red-line QA (packages/text drills).
 * The cases are the seeds' own teaching cases, retold: seed 001 案例一 (车库漏水 for months), 案例二
 * (高空抛物 and an elderly owner told "no one can be found"), 案例三 (bins and a broken drain cover,
 * through the supervision hotline); seed 002 (地漏堵塞 after a technician's visit, a scratched 后视镜,
 * an elderly couple's flooded 花槽). Model answers show every CLEAR step in order.
 */
import type { DiscStyle, Label } from '../organisation/vocabulary';

export type Drill = {
  key: string;
  title: Label;
  /** Where the case comes from, for the trainer. */
  source: string;
  /** The owner's communication style (DISC), shown as a tip. */
  ownerStyle: DiscStyle;
  /** The scene before the owner speaks. */
  scene: Label;
  /** What the owner says, one turn at a time; the steward answers each. */
  ownerTurns: Label[];
  /** A model reply per turn, together showing C, L, E, A and R in order. */
  modelReplies: string[];
};

const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

export const builtInDrills: readonly Drill[] = [
  {
    key: 'garage-leak',
    title: l('车库漏水几个月没人管', 'A garage leak ignored for months'),
    source: 'seed 001 案例一',
    ownerStyle: 'tiger',
    scene: l('A 项目业主打来业主专线，语气很冲。', 'An owner of project A calls the owner line, clearly angry.'),
    ownerTurns: [
      l(
        '你们物业到底管不管事？我家车位上面的车库顶漏水，我反映了好几个月了，一直没人来修！',
        'Does your management do anything at all? The garage ceiling above my parking space has been leaking; I have reported it for months and nobody came!',
      ),
      l(
        '漏水的原因很简单，就是上面管子接口松了，这么简单的事拖了三个月，我的车天天被泡着水滴，你们就是不把业主当回事。',
        'The cause is simple, a loose pipe joint above. Such a simple thing dragged on for three months, water drips on my car every day; you just do not take owners seriously.',
      ),
      l('那你说现在怎么办？什么时候能修好？', 'So what now? When will it be fixed?'),
    ],
    modelReplies: [
      '您先别着急，我是管家小王，我在听，请您慢慢说。您是说车位上方的车库顶漏水，已经反映了几个月还没有维修，对吗？',
      '换作是我，车天天被水滴着，也会非常着急和生气。这件事拖了这么久，是我们的工作没有做到位，真的非常抱歉。',
      '我现在就安排工程部张师傅今天下午3点前到现场关阀检查，今晚8点前把接口修好；维修期间我先帮您把车位挪到旁边的空车位。修好后我给您回电话，明天再去现场确认。',
    ],
  },
  {
    key: 'falling-objects',
    title: l('高空抛物砸碎阳台玻璃', 'A falling object breaks the balcony glass'),
    source: 'seed 001 案例二',
    ownerStyle: 'peacock',
    scene: l(
      'B 项目业主来电：楼上抛下的东西砸碎了自家阳台的玻璃。之前投诉过多次，有员工没核查就对家里老人说找不到责任人。',
      'An owner of project B calls: something thrown from upstairs broke the glass of their balcony. They complained several times; a staff member told the elderly parent at home, without checking, that no one responsible could be found.',
    ),
    ownerTurns: [
      l('又砸了！这已经是第三次了，玻璃碎了一地，我妈差点被砸到！', 'It happened again! The third time, glass all over the floor, my mother was nearly hit!'),
      l(
        '上次你们的人来了，看都没看就跟我妈说找不到是谁扔的，没法处理。老人家被吓得一晚上没睡着。',
        'Last time your person came, did not even look, and told my mother no one could be found and nothing could be done. She was too scared to sleep all night.',
      ),
      l('我要你们物业必须重视，给我一个解决办法！', 'I want you to take this seriously and give me a solution!'),
    ],
    modelReplies: [
      '您先别着急，老人家没有受伤吧？请您慢慢说，我都记下来。您是说楼上又有东西掉下来，把阳台玻璃砸碎了，这是第三次了，对吗？',
      '我能理解您的心情，老人家受到惊吓，换作是我也会非常担心。上次我们的同事没有核查就下结论，是我们做得不对，我代表物业向您和老人家道歉。',
      '我现在就请秩序部李主管带人今天下午4点前到您家和楼上逐户核查，同时调取监控；今天先帮您把碎玻璃清理干净并做好临时防护。明天中午12点前我把核查结果告诉您，并在楼栋张贴高空抛物提示，之后每周回访一次。',
    ],
  },
  {
    key: 'bins-and-drain',
    title: l('监督热线：垃圾桶破烂、地漏盖破损', 'Supervision hotline: broken bins and drain cover'),
    source: 'seed 001 案例三',
    ownerStyle: 'owl',
    scene: l('业主拨打公司的服务监督热线，转到项目管家。', 'An owner called the company’s supervision hotline; it is passed to the project steward.'),
    ownerTurns: [
      l(
        '我打的是你们公司的监督热线。园区的垃圾桶破了很久都没换，还有地漏盖坏了一直没修。',
        'I called your company’s supervision line. The bins in the estate have been broken for ages, and a drain cover has been broken and never fixed.',
      ),
      l(
        '上周下雨，泥沙把管道都堵了，积水到脚踝。我拍了照片的，你们的巡查到底有没有在做？',
        'It rained last week, mud blocked the pipes and the water was ankle-deep. I took photos. Are your inspections even happening?',
      ),
      l('你们准备什么时候处理？我要一个明确的时间。', 'When will you deal with it? I want a clear time.'),
    ],
    modelReplies: [
      '感谢您打电话告诉我们，请您慢慢说。我确认一下：您反映的是园区垃圾桶破损没有更换，还有一个地漏盖破损没有维修，对吗？麻烦您告诉我具体在几号楼附近，好吗？',
      '下雨积水到脚踝，出门一定很不方便，我能理解您的不满。这是我们巡查没有做到位，非常抱歉，也谢谢您拍照留了证据。',
      '我今天下午5点前安排保洁更换破损的垃圾桶，工程部明天上午10点前更换地漏盖并疏通管道。处理完我把照片发给您，之后把这两处加入每周巡检。',
    ],
  },
  {
    key: 'floor-drain',
    title: l('维修工上门后地漏还是堵', 'The drain still blocked after a technician’s visit'),
    source: 'seed 002 地漏堵塞',
    ownerStyle: 'owl',
    scene: l(
      '业主家卫生间地漏堵塞，维修工上门处理过一次，说是装修施工留下的问题。',
      'An owner’s bathroom drain is blocked; a technician came once and said it was left by the renovation contractor.',
    ),
    ownerTurns: [
      l(
        '你们师傅来过一次，说是我家装修公司的问题，就走了。现在地漏还是堵着。',
        'Your technician came once, said it was my renovation company’s fault, and left. The drain is still blocked.',
      ),
      l('他有什么证据说是装修的问题？我凭什么相信？', 'What evidence does he have that it was the renovation? Why should I believe him?'),
      l('那现在到底谁来管？', 'So who is going to deal with it now?'),
    ],
    modelReplies: [
      '您先别着急，我在听。您是说师傅上次来看过，说是装修的问题，但地漏到现在还堵着，对吗？',
      '您的疑问很合理，换作是我也希望看到证据。上次师傅没有把原因讲清楚就离开，是我们做得不好，很抱歉。',
      '我来负责跟进：明天上午9点我和维修主管一起上门，用管道内窥镜查看并拍照给您看原因，当场先把地漏疏通。如果确实是施工遗留，我可以帮您联系装修公司，并跟进到修好为止。',
    ],
  },
  {
    key: 'mirror',
    title: l('车位上的后视镜被刮坏', 'A mirror scratched in the car park'),
    source: 'seed 002 后视镜',
    ownerStyle: 'tiger',
    scene: l(
      '业主的车停在小区车位上，后视镜被刮坏，已经和管家沟通多次没有结果，要求赔偿。',
      'An owner’s car, parked in the estate, had its mirror scratched; several talks with the steward got nowhere; the owner demands compensation.',
    ),
    ownerTurns: [
      l('我已经说了好多次了，车停在你们车位上被刮，你们就得赔！', 'I have said it many times: the car was scratched in your car park, so you pay!'),
      l('每次都说在查在查，查了两个星期了，到底有没有结果？', 'Every time it is “we are checking”. Two weeks now. Is there a result or not?'),
      l('今天必须给我一个说法。', 'I want an answer today.'),
    ],
    modelReplies: [
      '您好，您先别着急，我在听。您是说车停在小区车位上后视镜被刮坏，已经沟通了好几次还没有结果，对吗？',
      '两个星期都没有结果，换作是我也会很生气。是我们没有及时给您反馈进展，非常抱歉。',
      '我今天下午3点前把监控核查结果和处理意见当面告诉您：能找到刮车的车辆，我负责联系对方协商赔偿；找不到的话，我可以协助您走保险理赔，需要的证明我们今天出具。',
    ],
  },
  {
    key: 'flooded-planter',
    title: l('暴雨天阳台花槽积水', 'A flooded balcony planter in a storm'),
    source: 'seed 002 花槽积水',
    ownerStyle: 'panda',
    scene: l(
      '两位年纪很大的业主来到管理处，投诉暴雨时阳台花槽水漫出来，员工只隔着阳台看了一眼。',
      'An elderly couple come to the office: in a storm their balcony planter overflowed, and the staff member only glanced at it from outside.',
    ),
    ownerTurns: [
      l(
        '前几天下暴雨，阳台花槽的水漫起来了，我们告诉管理处，来了个员工隔着阳台看了一眼，说可能是地漏堵了，雨停了再来清。',
        'In the storm the other day the balcony planter overflowed. We told the office; a staff member glanced from outside, said the drain might be blocked, and would clean it when the rain stopped.',
      ),
      l(
        '我们两口子这么大年纪，只能用桶往外舀水，才没流进客厅。雨停后他来清了一下就走了，可一下雨水又涨起来。',
        'At our age we had to bail it out with a bucket to keep it out of the living room. He cleaned it after the rain and left, but as soon as it rained the water rose again.',
      ),
      l('我们也不懂，你们看怎么办吧。', 'We do not understand these things; you tell us what to do.'),
    ],
    modelReplies: [
      '叔叔阿姨，您二位先坐下喝口水，别着急，慢慢说。您是说暴雨时阳台花槽积水漫出来，员工只看了一眼，清理后一下雨又积水，对吗？',
      '您二位这么大年纪还要用桶舀水，真是辛苦了，换作是我家里老人，我也会很心疼。我们的员工没有当场处理，是我们的失误，非常抱歉。',
      '我今天下午2点带工程部师傅上门，把花槽排水管彻底疏通并检查坡度，明天再下雨前我会再来看一次。今天先给您留一个应急水泵，我的电话写在这张卡片上，下雨时您随时打给我。',
    ],
  },
];

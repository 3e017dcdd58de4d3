import type { Cast } from './cast';
import { say, scripted, type Moments, type TicketScript } from './story-runner';

/**
 * 绿景苑, the project of the showcase logins (manager, steward, technician): its service desk
 * has a ticket in every status of the machine, overdue and due-today work for the tiles, complaints
 * handled with CLEAR and service recovery, a repeat report, a merged duplicate, and one of each
 * other type. Building 1 and 2 are left alone: the browser tests use their owners.
 */
export function ljyTickets(cast: Cast, m: Moments): TicketScript[] {
  const code = 'SH-LJY';
  const p = cast.project(code);
  const [s1, s2, s3] = [p.stewards[0]!, p.stewards[1] ?? p.stewards[0]!, p.stewards[2] ?? p.stewards[0]!];
  const [tech, tech2, guard, cleaner] = [p.byPost('engineering', 0), p.byPost('engineering', 1), p.byPost('security'), p.byPost('cleaning')];
  const manager = p.manager;
  const home = (building: string, index: number) => cast.home(code, building, index);
  const base = { projectId: p.id };
  const kitchen = home('5', 3);
  const intercom = home('4', 7);
  // A high-priority repair's resolution target is 24 hours round the clock: reported a day before a
  // moment later today (before Shanghai midnight), it is due today whatever time the demo is seeded.
  const tomorrow = m.day(1, '00:00').getTime();
  const dueLaterToday = new Date(m.now.getTime() + Math.max(60_000, Math.min(3 * 3_600_000, (tomorrow - m.now.getTime()) / 2)));

  return [
    scripted(
      {
        ...base,
        key: 'kitchen-leak',
        reportedAt: m.day(-6, '09:20'),
        by: s1,
        ticket: {
          type: 'repair',
          channel: 'hotline',
          categoryCode: 'engineering.leak',
          priority: 'normal',
          title: '厨房水槽下水管漏水',
          location: '厨房',
          householdId: kitchen.householdId,
          description: '业主来电:厨房水槽下方柜子里有积水,下水管接头处一直滴水,已用盆接着。',
        },
      },
      (t) => [
        say.accept(t(4), s1),
        say.assign(t(10), s1, tech),
        say.start(t(75), tech, '已上门,确认为下水管接头老化'),
        say.resolve(t(120), tech, '更换下水管接头密封圈并重新打胶,试水 10 分钟无渗漏'),
        say.rated(m.day(-5, '10:30'), s2, 5, '师傅来得很快,进门主动穿鞋套', '修完把柜子里的水都擦干净了', '很满意,谢谢师傅'),
        say.close(m.day(-5, '10:40'), s1),
      ],
    ),
    // The same flat, the same problem a week later: receipt flags it as a repeat issue.
    scripted(
      {
        ...base,
        key: 'kitchen-leak-again',
        reportedAt: m.hoursAgo(3),
        by: s2,
        ticket: {
          type: 'repair',
          channel: 'hotline',
          categoryCode: 'engineering.leak',
          priority: 'normal',
          title: '厨房下水管接头又漏水',
          location: '厨房',
          householdId: kitchen.householdId,
          description: '业主反映上周修过的厨房下水管接头又开始滴水,语气不太满意,希望这次彻底修好。',
        },
      },
      (t) => [say.accept(t(3), s2), say.assign(t(6), s2, tech, '重复报修,仍派上次维修的师傅跟进,并请班长复核')],
    ),
    scripted(
      {
        ...base,
        key: 'bathroom-light',
        reportedAt: m.day(-2, '20:15'),
        by: home('6', 5).owner,
        ticket: {
          type: 'repair',
          channel: 'owner_h5',
          categoryCode: 'engineering.water_electric',
          priority: 'normal',
          title: '卫生间灯不亮',
          householdId: home('6', 5).householdId,
          description: '卫生间吸顶灯突然不亮了,换了灯泡也不行。',
        },
      },
      () => [
        say.accept(m.day(-1, '08:40'), s1),
        say.assign(m.day(-1, '08:45'), s1, tech2),
        say.start(m.day(-1, '10:10'), tech2),
        say.resolve(m.day(-1, '10:50'), tech2, '灯具镇流器烧坏,已更换同型号镇流器'),
        {
          at: m.day(-1, '19:30'),
          owner: home('6', 5).owner,
          confirm: { csat: 4, peakMoment: '师傅提前打电话约了上门时间', endMoment: '修好后教我怎么换灯管', comment: '速度还可以' },
        },
      ],
    ),
    scripted(
      {
        ...base,
        key: 'balcony-drain',
        reportedAt: m.day(-1, '09:30'),
        by: s3,
        ticket: {
          type: 'repair',
          channel: 'front_desk',
          categoryCode: 'engineering.drain',
          priority: 'normal',
          title: '阳台地漏堵塞反味',
          location: '阳台',
          householdId: home('7', 2).householdId,
          description: '业主到前台反映阳台地漏排水很慢,有异味。',
        },
      },
      (t) => [say.accept(t(2), s3), say.assign(t(10), s3, tech2), say.start(t(90), tech2), say.resolve(t(150), tech2, '疏通地漏并加装防臭地漏芯')],
    ),
    scripted(
      {
        ...base,
        key: 'socket-trip',
        reportedAt: new Date(dueLaterToday.getTime() - 24 * 3_600_000),
        by: s1,
        ticket: {
          type: 'repair',
          channel: 'hotline',
          categoryCode: 'engineering.water_electric',
          priority: 'high',
          title: '客厅插座一用电就跳闸',
          location: '客厅',
          householdId: home('8', 4).householdId,
          description: '业主来电:客厅插座插上电器就跳闸,家里冰箱也停了,比较着急。',
        },
      },
      (t) => [
        say.accept(t(5), s1),
        say.assign(t(8), s1, tech),
        say.start(t(40), tech, '已到场,先恢复冰箱回路供电'),
        say.update(t(70), tech, '初步判断为插座线路受潮短路,需更换一段线管,材料到货后施工,已告知业主'),
      ],
    ),
    scripted(
      {
        ...base,
        key: 'ac-drip',
        reportedAt: m.hoursAgo(2.5),
        by: s2,
        ticket: {
          type: 'repair',
          channel: 'hotline',
          categoryCode: 'engineering.leak',
          priority: 'normal',
          title: '楼上空调冷凝水滴到阳台',
          location: '阳台',
          householdId: home('10', 6).householdId,
          description: '业主反映楼上空调外机冷凝水一直滴在自家阳台,需协调楼上业主整改冷凝水管。',
        },
      },
      (t) => [say.accept(t(4), s2), say.assign(t(15), s2, tech2)],
    ),
    scripted(
      {
        ...base,
        key: 'faucet',
        reportedAt: m.hoursAgo(1.2),
        by: s3,
        ticket: {
          type: 'repair',
          channel: 'front_desk',
          categoryCode: 'engineering.water_electric',
          priority: 'low',
          title: '厨房水龙头关不紧',
          location: '厨房',
          householdId: home('11', 8).householdId,
          description: '厨房水龙头关紧后仍有滴水。',
        },
      },
      (t) => [say.accept(t(3), s3)],
    ),
    // Left in WeCom and not yet accepted: its response and on-site clocks have run out.
    scripted({
      ...base,
      key: 'intercom',
      reportedAt: m.hoursAgo(2),
      by: s1,
      ticket: {
        type: 'repair',
        channel: 'wecom',
        categoryCode: 'engineering.access_control',
        priority: 'normal',
        title: '可视对讲没有声音',
        location: '入户门',
        householdId: intercom.householdId,
        description: '业主企业微信留言:家里可视对讲能看到画面但听不到声音,快递员按门铃没法沟通。',
      },
    }),
    scripted(
      {
        ...base,
        key: 'intercom-duplicate',
        reportedAt: m.hoursAgo(1.5),
        by: s3,
        ticket: {
          type: 'repair',
          channel: 'front_desk',
          categoryCode: 'engineering.access_control',
          priority: 'normal',
          title: '对讲门铃不响',
          householdId: intercom.householdId,
          description: '业主家人到前台反映对讲门铃不响,与企业微信已报的是同一问题。',
        },
      },
      (t) => [{ at: t(6), by: s3, mergeInto: 'intercom' }],
    ),
    scripted(
      {
        ...base,
        key: 'wall-mould',
        reportedAt: m.day(-5, '10:05'),
        by: s1,
        ticket: {
          type: 'repair',
          channel: 'hotline',
          categoryCode: 'engineering.leak',
          priority: 'normal',
          title: '卧室外墙渗水墙面发霉',
          location: '主卧',
          householdId: home('12', 10).householdId,
          description: '业主反映连续下雨后主卧外墙内侧墙皮起泡发霉。',
        },
      },
      (t) => [
        say.accept(t(6), s1),
        say.assign(t(20), s1, tech),
        say.start(m.day(-4, '09:30'), tech),
        say.update(m.day(-4, '10:30'), tech, '已确认为外墙防水层老化渗水,需外墙吊篮作业'),
        say.hold(m.day(-4, '11:00'), tech, '外墙渗水需吊篮施工,已联系外墙防水单位,等待排期进场', m.day(2, '09:00')),
      ],
    ),
    // Held until yesterday evening and nobody has picked it up again: the sweep raises 挂起到期.
    scripted(
      {
        ...base,
        key: 'ceiling-seep',
        reportedAt: m.day(-3, '14:20'),
        by: s2,
        ticket: {
          type: 'repair',
          channel: 'hotline',
          categoryCode: 'engineering.leak',
          priority: 'normal',
          title: '卫生间天花板渗水',
          location: '卫生间',
          householdId: home('3', 9).householdId,
          description: '卫生间吊顶有水渍,怀疑楼上卫生间防水问题。',
        },
      },
      (t) => [
        say.accept(t(5), s2),
        say.assign(t(12), s2, tech2),
        say.start(t(60), tech2),
        say.hold(t(90), tech2, '需楼上业主配合开门检查防水层,楼上业主出差中', m.day(-1, '18:00')),
      ],
    ),
    scripted(
      {
        ...base,
        key: 'drain-backflow',
        reportedAt: m.day(-8, '18:40'),
        by: s1,
        ticket: {
          type: 'repair',
          channel: 'hotline',
          categoryCode: 'engineering.drain',
          priority: 'normal',
          title: '厨房下水道反水',
          location: '厨房',
          householdId: home('6', 9).householdId,
          description: '业主来电:做饭时厨房下水道往上反水,地面都是污水。',
        },
      },
      (t) => [
        say.accept(t(5), s1),
        say.assign(t(10), s1, tech),
        say.start(m.day(-7, '09:00'), tech),
        say.resolve(m.day(-7, '10:20'), tech, '用疏通机疏通主管弯头,已恢复排水'),
        say.rejected(m.day(-6, '16:00'), s2, '业主说昨晚做饭时又反水了,要求彻底解决主管问题'),
      ],
    ),
    scripted(
      {
        ...base,
        key: 'clothes-rack',
        reportedAt: m.day(-2, '11:00'),
        by: s3,
        ticket: {
          type: 'repair',
          channel: 'hotline',
          categoryCode: 'engineering.water_electric',
          priority: 'low',
          title: '阳台升降晾衣架摇不下来',
          location: '阳台',
          householdId: home('8', 11).householdId,
          description: '升降晾衣架钢丝卡住,摇不下来。',
        },
      },
      (t) => [say.accept(t(5), s3), say.cancel(t(40), s3, '业主来电告知已自行修好,取消报修')],
    ),

    scripted(
      {
        ...base,
        key: 'guard-attitude',
        reportedAt: m.day(-5, '08:50'),
        by: s1,
        ticket: {
          type: 'complaint',
          channel: 'hotline',
          categoryCode: 'service.attitude',
          priority: 'high',
          complaintScope: 'individual',
          title: '夜班保安态度生硬',
          location: '南门岗亭',
          householdId: home('10', 3).householdId,
          description: '业主凌晨回家忘带门禁卡,南门保安反复盘问十多分钟,语气很冲,业主非常生气。',
        },
      },
      (t) => [
        say.accept(t(3), s1),
        {
          at: t(10),
          by: s1,
          clear: {
            controlNote: '请业主先把经过说完,不打断,边听边记录要点。',
            listenSummary: '业主凌晨一点回家忘带门禁卡,保安没有核对业主登记信息,只是反复盘问,还说“谁知道你是不是业主”,让业主在门外等了十多分钟。',
            empathyStatement: '这么晚回家还被拦在门外,换作是我也会很委屈、很生气。',
          },
        },
        say.assign(t(15), s1, manager),
        say.start(t(60), manager),
        {
          at: t(90),
          by: manager,
          clear: {
            apology: '代表项目部向您郑重道歉,是我们的保安没有按流程核实身份。',
            resolvePlan: '当天约谈当班保安并停岗培训;今晚起夜班按业主登记信息快速核实放行;明天上午项目经理上门致歉。',
            promisedAt: m.day(-4, '10:00').toISOString(),
          },
        },
        say.update(m.day(-5, '17:30'), manager, '已约谈当班保安,停岗培训一天;项目经理明天上午上门致歉。'),
        {
          at: m.day(-4, '11:00'),
          by: manager,
          recovery: {
            emotionalRecovery: '项目经理和管家上门当面致歉,业主表示理解。',
            problemRecovery: '修订夜间业主核验流程,岗亭配备业主照片核验平板。',
            compensation: '无',
            lessonLearned: '夜班是投诉高发时段,核验流程要简单明确,礼仪培训必须覆盖夜班。',
          },
        },
        say.resolve(m.day(-4, '11:10'), manager, '已上门致歉,整改措施已落实,业主表示接受'),
        say.rated(m.day(-3, '15:00'), s2, 4, '项目经理亲自上门道歉', '这几天晚上回来保安都主动打招呼', '处理得还算及时,希望保持'),
        say.close(m.day(-3, '15:10'), s1),
      ],
    ),
    scripted(
      {
        ...base,
        key: 'garbage',
        reportedAt: m.day(-1, '19:10'),
        by: s2,
        ticket: {
          type: 'complaint',
          channel: 'hotline',
          categoryCode: 'environment.garbage',
          priority: 'normal',
          complaintScope: 'public',
          title: '垃圾桶满溢无人清运',
          location: '11栋北侧垃圾房',
          householdId: home('11', 4).householdId,
          description: '业主投诉11栋北侧垃圾房连续两天满溢,天热气味很大,苍蝇很多。',
        },
      },
      (t) => [
        say.accept(t(5), s2),
        {
          at: t(12),
          by: s2,
          clear: {
            controlNote: '业主情绪激动,先安抚并请业主慢慢说。',
            listenSummary: '垃圾房两天没有清运,垃圾堆到门外,路过都要捂鼻子,家里孩子不敢下楼玩。',
            empathyStatement: '天这么热,垃圾堆着确实让人受不了,您反映得很及时。',
          },
        },
        say.assign(t(20), s2, cleaner),
        say.start(t(60), cleaner, '已到现场,先清理外溢垃圾并消杀'),
        say.update(t(90), s2, '外溢垃圾已清理消杀,清运车辆明早加派一趟,完成后再告诉您。'),
      ],
    ),
    scripted(
      {
        ...base,
        key: 'renovation-noise',
        reportedAt: m.day(-3, '12:40'),
        by: s3,
        ticket: {
          type: 'complaint',
          channel: 'front_desk',
          categoryCode: 'renovation.noise',
          priority: 'normal',
          complaintScope: 'individual',
          title: '楼上中午装修电钻噪音',
          householdId: home('5', 8).householdId,
          description: '楼上装修中午12点半还在电钻作业,家里老人午休被吵醒,业主要求物业管住。',
        },
      },
      (t) => [
        say.accept(t(3), s3),
        {
          at: t(8),
          by: s3,
          clear: {
            controlNote: '请业主到接待室坐下,倒了杯水。',
            listenSummary: '楼上装修连续三天中午电钻作业,老人有高血压,午休被吵醒后一下午不舒服。',
            empathyStatement: '家里有老人需要休息,中午被吵确实难受。',
            apology: '很抱歉,是我们装修巡查没有盯住午休时段。',
          },
        },
        say.assign(t(10), s3, guard),
        say.start(t(25), guard, '已到楼上装修户现场,要求立即停止电钻作业'),
        {
          at: t(60),
          by: s3,
          clear: {
            resolvePlan: '责令装修队中午12:00–14:00停工;装修巡查每日两次;再违规按装修管理协议扣除保证金。',
            promisedAt: m.day(-2, '12:00').toISOString(),
          },
        },
        {
          at: m.day(-2, '14:00'),
          by: s3,
          recovery: {
            emotionalRecovery: '管家上门看望老人并致歉。',
            problemRecovery: '装修巡查表增加午休时段检查,施工队签署承诺书。',
            compensation: null,
            lessonLearned: '装修告知书里的午休停工时间要向施工队当面交底,不能只发给业主。',
          },
        },
        say.resolve(m.day(-2, '14:10'), s3, '午休时段已无施工,业主确认情况好转'),
      ],
    ),
    // Logged by head office from the supervision hotline; no progress update since, so the update clock has run out.
    scripted(
      {
        ...base,
        key: 'broken-promise',
        reportedAt: m.day(-3, '16:20'),
        by: cast.quality,
        ticket: {
          type: 'complaint',
          channel: 'supervision_hotline',
          categoryCode: 'service.broken_promise',
          priority: 'high',
          complaintScope: 'individual',
          title: '管家多次承诺回电未兑现',
          householdId: home('7', 11).householdId,
          description: '业主通过公司服务监督热线投诉:车位地锁损坏报修两周,管家三次说“明天就回复”,至今没有下文。',
        },
      },
      (t) => [
        // 首问负责: head office stays accountable until the project's steward accepts the handover.
        { at: t(5), by: cast.quality, handoverTo: s1, note: '请项目管家跟进,今天内回电业主' },
        { at: t(12), by: s1, acceptHandover: true },
        say.accept(t(15), s1),
        {
          at: t(30),
          by: s1,
          clear: { controlNote: '主动致电业主,先听业主说完。', listenSummary: '地锁报修两周无人处理,三次承诺回电都没兑现,业主觉得被敷衍。' },
        },
      ],
    ),

    scripted(
      {
        ...base,
        key: 'fee-inquiry',
        reportedAt: m.day(-2, '10:15'),
        by: s2,
        ticket: {
          type: 'inquiry',
          channel: 'front_desk',
          categoryCode: 'fees.property_fee',
          priority: 'normal',
          title: '物业费缴费方式和电子发票',
          householdId: home('3', 2).householdId,
          description: '业主询问能否用微信缴纳物业费、如何开具电子发票。',
        },
      },
      (t) => [
        say.accept(t(1), s2),
        say.resolve(t(6), s2, '已告知可在业主端“缴费”栏目微信支付,电子发票在缴费记录中申请,并当场演示'),
        say.rated(m.day(-1, '15:00'), s2, 5, '当场手把手教我操作', '发票当天就收到了', ''),
        say.close(m.day(-1, '15:02'), s2),
      ],
    ),
    scripted(
      {
        ...base,
        key: 'shade-suggestion',
        reportedAt: m.day(-4, '19:30'),
        by: manager,
        ticket: {
          type: 'suggestion',
          channel: 'owner_meeting',
          categoryCode: 'service.other',
          priority: 'low',
          title: '建议儿童游乐区加装遮阳棚',
          location: '中心花园儿童游乐区',
          householdId: home('12', 3).householdId,
          description: '业主见面会上多位业主提出:夏天儿童游乐区滑梯晒得发烫,建议加装遮阳棚并增加休息座椅。',
        },
      },
      (t) => [say.accept(t(30), manager), say.update(m.day(-3, '10:00'), manager, '已纳入本季度公共设施改善计划,正在询价,确定方案后在业主群公示。')],
    ),
    scripted(
      {
        ...base,
        key: 'praise',
        reportedAt: m.day(-2, '09:05'),
        by: s1,
        ticket: {
          type: 'praise',
          channel: 'wecom',
          categoryCode: 'service.other',
          priority: 'normal',
          title: '表扬工程部师傅冒雨抢修',
          householdId: home('8', 2).householdId,
          description: '业主企业微信留言:周末暴雨地库进水,工程部师傅冒雨连夜抽水,车没有被淹,特别感谢!',
        },
      },
      (t) => [
        say.accept(t(10), s1),
        say.resolve(t(20), s1, '已转达工程部,并在周例会上通报表扬'),
        say.rated(m.day(-1, '11:00'), s1, 5, '师傅们连夜守在地库', '管家回电说已经通报表扬', '希望给师傅们发奖金'),
        say.close(m.day(-1, '11:05'), s1),
      ],
    ),
    // 公区报事 from a patrol: the guard who saw it is its first receiver (首问负责).
    scripted(
      {
        ...base,
        key: 'lobby-light',
        reportedAt: m.hoursAgo(5),
        by: guard,
        ticket: {
          type: 'common_area',
          channel: 'patrol',
          categoryCode: 'engineering.public_lighting',
          priority: 'normal',
          title: '3栋1单元大堂两盏筒灯不亮',
          location: '3栋1单元一楼大堂',
          description: '巡检发现3栋1单元大堂两盏筒灯不亮,老人晚上出入看不清台阶。',
        },
      },
      (t) => [say.accept(t(10), s2), say.assign(t(12), s2, tech2), say.start(t(50), tech2, '已到场,需更换灯具驱动')],
    ),
  ];
}

/**
 * Five households of 9栋 complain about the same lift within hours: group detection proposes a
 * group incident for the project manager to confirm.
 */
export function ljyElevatorComplaints(cast: Cast, m: Moments): TicketScript[] {
  const p = cast.project('SH-LJY');
  const calls = [
    { hoursAgo: 9, title: '9栋电梯又停了', text: '电梯停在12楼不动,只能走楼梯,这个月第三次了。' },
    { hoursAgo: 7.5, title: '电梯频繁故障,老人下不了楼', text: '家里老人腿脚不便,电梯一坏就没法出门去医院复查。' },
    { hoursAgo: 6, title: '电梯运行异响还经常停', text: '电梯运行时咣当响,门关不上,经常停运,坐着心里发慌。' },
    { hoursAgo: 4.5, title: '电梯维保是不是没做到位', text: '电梯刚修好又坏,要求公布维保记录,物业要给个说法。' },
    { hoursAgo: 3, title: '9栋电梯停运影响上班', text: '上下班时间电梯停运,楼梯间挤满人,要求尽快彻底修好。' },
  ];
  return calls.map((call, index) => {
    const steward = p.stewards[index % p.stewards.length]!;
    return scripted(
      {
        projectId: p.id,
        key: `elevator-${index + 1}`,
        reportedAt: m.hoursAgo(call.hoursAgo),
        by: steward,
        ticket: {
          type: 'complaint',
          channel: 'hotline',
          categoryCode: 'engineering.elevator.fault',
          priority: 'high',
          complaintScope: 'individual',
          title: call.title,
          location: '9栋电梯',
          householdId: cast.home('SH-LJY', '9', index * 3 + 1).householdId,
          description: call.text,
        },
      },
      (t) => [say.accept(t(4), steward)],
    );
  });
}

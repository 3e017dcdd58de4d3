import type { Cast } from './cast';
import { say, scripted, type Moments, type TicketScript } from './story-runner';

/**
 * The other projects' desks, so that head office (admin, quality) sees work everywhere: a 12345
 * referral at the new estate, a complaint settled with compensation, office and shop-floor repairs,
 * and a blocked fire lane found on patrol.
 */
export function otherProjectTickets(cast: Cast, m: Moments): TicketScript[] {
  const yhf = cast.project('HZ-YHF');
  const bhw = cast.project('SZ-BHW');
  const hjzx = cast.project('SH-HJZX');
  const tlg = cast.project('GZ-TLG');

  return [
    // 12345 referrals follow their own policy (working-day deadlines) and the urgent escalation ladder.
    scripted(
      {
        projectId: yhf.id,
        key: 'yhf-12345',
        reportedAt: m.day(-2, '14:30'),
        by: yhf.stewards[0]!,
        ticket: {
          type: 'complaint',
          channel: 'gov_12345',
          categoryCode: 'engineering.leak',
          priority: 'high',
          complaintScope: 'individual',
          title: '12345转办:地下储藏室渗水',
          location: '地下一层储藏室',
          householdId: cast.home('HZ-YHF', '3', 4).householdId,
          description: '市民服务热线12345转办:业主反映地下储藏室墙面渗水,交房以来多次报修未彻底解决,要求物业协调开发商维修。',
        },
      },
      (t) => [
        say.accept(t(30), yhf.stewards[0]!),
        {
          at: t(40),
          by: yhf.stewards[0]!,
          clear: {
            controlNote: '按12345转办要求,受理后第一时间致电诉求人。',
            listenSummary: '储藏室墙面渗水一年多,东西发霉,报修三次都只是刷墙,没有解决根本问题。',
            empathyStatement: '放在储藏室的东西都发霉了,换谁都会着急。',
            apology: '很抱歉前几次维修没有找到根本原因。',
          },
        },
        say.update(t(60), yhf.stewards[0]!, '已联系开发商工程部,明天上午联合查看现场,结果第一时间告诉您。'),
        say.assign(m.day(-1, '09:00'), yhf.stewards[0]!, yhf.manager),
        say.start(m.day(-1, '10:00'), yhf.manager),
        say.update(m.day(-1, '11:30'), yhf.manager, '已与开发商联合查看,确认为外墙防水层破损,开发商承诺一周内维修。'),
      ],
    ),
    scripted(
      {
        projectId: yhf.id,
        key: 'yhf-renovation',
        reportedAt: m.hoursAgo(6),
        by: yhf.stewards[1] ?? yhf.stewards[0]!,
        ticket: {
          type: 'complaint',
          channel: 'hotline',
          categoryCode: 'renovation.noise',
          priority: 'normal',
          complaintScope: 'individual',
          title: '隔壁装修周末一早就开工',
          householdId: cast.home('HZ-YHF', '5', 7).householdId,
          description: '业主投诉隔壁装修周末早上七点就开始切割瓷砖,违反装修管理规定。',
        },
      },
      (t) => [say.accept(t(5), yhf.stewards[1] ?? yhf.stewards[0]!), say.assign(t(10), yhf.stewards[1] ?? yhf.stewards[0]!, yhf.byPost('security'))],
    ),

    scripted(
      {
        projectId: bhw.id,
        key: 'bhw-car-scratch',
        reportedAt: m.day(-6, '20:10'),
        by: bhw.stewards[0]!,
        ticket: {
          type: 'complaint',
          channel: 'hotline',
          categoryCode: 'order.parking',
          priority: 'high',
          complaintScope: 'individual',
          title: '车辆在地库被划伤,监控没拍到',
          location: '地下车库B1-126车位',
          householdId: cast.home('SZ-BHW', '2', 6).householdId,
          description: '业主的车停在地库自有车位被划了一长道,调监控发现是死角,业主认为物业安保失职。',
        },
      },
      (t) => [
        say.accept(t(5), bhw.stewards[0]!),
        {
          at: t(20),
          by: bhw.stewards[0]!,
          clear: {
            controlNote: '请业主到监控室一起查看录像,先稳定情绪。',
            listenSummary: '新车停在自家车位被划,监控是死角,业主每月交停车管理费,认为物业应当负责。',
            empathyStatement: '新车被划确实心疼,查不到人更让人窝火。',
            apology: '监控有死角是我们的疏漏,向您道歉。',
            resolvePlan: '协商由物业承担补漆费用;一周内在死角加装摄像头。',
            promisedAt: m.day(-2, '18:00').toISOString(),
          },
        },
        say.assign(t(30), bhw.stewards[0]!, bhw.manager),
        say.start(m.day(-5, '10:00'), bhw.manager),
        {
          at: m.day(-4, '16:00'),
          by: bhw.manager,
          recovery: {
            emotionalRecovery: '项目经理当面致歉。',
            problemRecovery: 'B1层新增4个摄像头,消除监控死角。',
            compensation: '物业承担补漆费用800元。',
            lessonLearned: '地库监控死角要每季度排查一次。',
          },
        },
        say.resolve(m.day(-4, '16:10'), bhw.manager, '补漆费用已支付,摄像头已安装'),
        say.rated(m.day(-3, '19:00'), bhw.stewards[1] ?? bhw.stewards[0]!, 3, '项目经理态度诚恳', '赔偿到位了,但之前拖了好几天', '希望以后监控别再有死角'),
        say.close(m.day(-3, '19:05'), bhw.stewards[0]!),
      ],
    ),
    scripted(
      {
        projectId: bhw.id,
        key: 'bhw-elevator',
        reportedAt: m.hoursAgo(3.5),
        by: bhw.stewards[0]!,
        ticket: {
          type: 'repair',
          channel: 'hotline',
          categoryCode: 'engineering.elevator.fault',
          priority: 'high',
          title: '5栋1号电梯按键失灵',
          location: '5栋1号电梯',
          householdId: cast.home('SZ-BHW', '5', 10).householdId,
          description: '电梯轿厢内18楼按键按了没反应。',
        },
      },
      (t) => [
        say.accept(t(5), bhw.stewards[0]!),
        say.assign(t(8), bhw.stewards[0]!, bhw.byPost('engineering')),
        say.start(t(35), bhw.byPost('engineering'), '已到场,已通知电梯维保单位'),
      ],
    ),

    scripted(
      {
        projectId: hjzx.id,
        key: 'hjzx-aircon',
        reportedAt: m.hoursAgo(4),
        by: hjzx.stewards[0]!,
        ticket: {
          type: 'repair',
          channel: 'front_desk',
          categoryCode: 'engineering.water_electric',
          priority: 'high',
          title: '会议室空调不制冷',
          location: '大会议室',
          householdId: cast.home('SH-HJZX', 'A座', 12).householdId,
          description: '租户行政来电:大会议室空调出风不凉,下午有客户来访。',
        },
      },
      (t) => [
        say.accept(t(3), hjzx.stewards[0]!),
        say.assign(t(6), hjzx.stewards[0]!, hjzx.byPost('engineering')),
        say.start(t(30), hjzx.byPost('engineering'), '风机盘管过滤网堵塞,正在清洗'),
      ],
    ),
    scripted(
      {
        projectId: hjzx.id,
        key: 'hjzx-praise',
        reportedAt: m.day(-1, '15:00'),
        by: hjzx.stewards[1] ?? hjzx.stewards[0]!,
        ticket: {
          type: 'praise',
          channel: 'walk_in',
          categoryCode: 'service.other',
          priority: 'low',
          title: '表扬前台接待热情周到',
          householdId: cast.home('SH-HJZX', 'B座', 5).householdId,
          description: '租户公司负责人到服务中心表扬前台,帮助接待外宾时主动提供翻译和引导。',
        },
      },
      (t) => [say.accept(t(10), hjzx.stewards[1] ?? hjzx.stewards[0]!)],
    ),

    scripted(
      {
        projectId: tlg.id,
        key: 'tlg-fire-lane',
        reportedAt: m.hoursAgo(7),
        by: tlg.byPost('security'),
        ticket: {
          type: 'common_area',
          channel: 'patrol',
          categoryCode: 'order.fire_lane',
          priority: 'high',
          title: 'B区2层消防通道被货物堵塞',
          location: 'B区商铺2层东侧消防通道',
          description: '秩序巡查发现商户在消防通道堆放纸箱货物,通道宽度不足一米。',
        },
      },
      (t) => [
        say.accept(t(10), tlg.stewards[0]!),
        say.assign(t(15), tlg.stewards[0]!, tlg.byPost('security')),
        say.start(t(25), tlg.byPost('security')),
        say.resolve(t(70), tlg.byPost('security'), '已督促商户清走货物并拍照留存,列入每日巡查重点'),
      ],
    ),
  ];
}

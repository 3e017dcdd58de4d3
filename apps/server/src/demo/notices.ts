import { createNotice, remindUnread } from '../notices/service';
import { markNoticeRead } from '../notices/owner';
import type { Cast, Home } from './cast';
import type { Moments } from './story-runner';
import type { Story } from './story-context';

export type NoticesSummary = { notices: number; read: number; reminded: number };

/** Every resident of the homes whose position passes the test: who opened a notice, and in what order. */
const residentsOf = (homes: Home[], picked: (index: number) => boolean) => homes.filter((_, index) => picked(index)).flatMap((home) => home.residents);

/**
 * The notices centre (提前告知, seed 001) in the demo, written and published through the real service by 绿景苑's
 * manager: three days ago a rainstorm warning for 9栋 that about half the residents opened the same evening, a
 * reminder to the unread sent the next morning (one round, each person once) and a few more readings after it;
 * yesterday a planned-works notice for 12栋 that some have read, no reminder yet; and a fee notice kept as a draft.
 */
export async function seedCentreNotices(story: Story, cast: Cast, m: Moments): Promise<NoticesSummary> {
  const project = cast.project('SH-LJY');
  const manager = story.staff(project.manager);
  let read = 0;
  const readAll = async (noticeId: string, residents: Home['residents'], from: Date, everyMinutes: number) => {
    for (const [index, resident] of residents.entries()) {
      story.clock.set(m.after(from, index * everyMinutes));
      await markNoticeRead(story.owner(resident), noticeId);
      read += 1;
    }
  };

  story.clock.set(m.day(-3, '15:10'));
  const rain = await createNotice(manager, {
    projectId: project.id,
    kind: 'seasonal',
    templateKey: 'rainstorm',
    title: '暴雨天气温馨提示',
    body: '尊敬的业主您好：气象台预报今晚到明天有暴雨。我们已经检查了地下车库排水和楼顶雨水口，沙袋已备好。请您关好门窗，阳台花盆移到室内，车辆尽量不要停在低洼处。雨中如有漏水、积水，请随时拨打021-5888 2188，我们第一时间赶到。',
    audience: 'buildings',
    buildingIds: [cast.buildingId('SH-LJY', '9')],
    householdIds: [],
    startsAt: m.day(-3, '20:00'),
    endsAt: m.day(-2, '20:00'),
    remindAfterHours: 24,
    publish: true,
  });
  const nine = cast.homesOf('SH-LJY', '9');
  await readAll(
    rain.id,
    residentsOf(nine, (index) => index % 2 === 0),
    m.day(-3, '15:30'),
    7,
  );
  story.clock.set(m.day(-2, '09:00'));
  const { reminded } = await remindUnread(manager, rain.id);
  await readAll(
    rain.id,
    residentsOf(nine, (index) => index % 6 === 1),
    m.day(-2, '09:20'),
    11,
  );

  story.clock.set(m.day(-1, '10:00'));
  const works = await createNotice(manager, {
    projectId: project.id,
    kind: 'works',
    templateKey: 'works',
    title: '12栋外墙渗水修补施工通知',
    body: '尊敬的业主您好：为了修补12栋东侧外墙渗水，我们将于后天起三天内每天9:00至17:00搭吊篮施工，期间可能有少量噪音，我们会尽量缩短工期并每天清理现场。给您带来不便非常抱歉，如有任何问题请联系管家，我来帮您协调。',
    audience: 'buildings',
    buildingIds: [cast.buildingId('SH-LJY', '12')],
    householdIds: [],
    startsAt: m.day(1, '09:00'),
    endsAt: m.day(3, '17:00'),
    remindAfterHours: 48,
    publish: true,
  });
  await readAll(
    works.id,
    residentsOf(cast.homesOf('SH-LJY', '12'), (index) => index % 3 === 0),
    m.day(-1, '10:30'),
    13,
  );

  story.clock.set(m.day(0, '09:30'));
  await createNotice(manager, {
    projectId: project.id,
    kind: 'fee',
    templateKey: 'fee',
    title: '物业费缴纳提醒',
    body: '尊敬的业主您好：【年度】物业费现已开始缴纳，您可以在小程序或物业前台办理。如对费用有疑问，我可以帮您把明细整理出来，请联系管家。感谢您一直以来的支持！',
    audience: 'households',
    buildingIds: [],
    householdIds: cast
      .homesOf('SH-LJY', '3')
      .slice(0, 6)
      .map((home) => home.householdId),
    startsAt: null,
    endsAt: null,
    remindAfterHours: 72,
    publish: false,
  });
  return { notices: 3, read, reminded };
}

import { qaTexts } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { repairBody, serviceDesk } from '../tickets/testing';

describe('communication quality: typing check, stored findings, review, rules, scorecards', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  let quality: string;
  let reviewer2: string;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-23T10:00:00Z');
    desk = await serviceDesk(t);
    const make = async (name: string) => {
      const user = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['quality'], projectIds: [], name });
      return signIn(t.app, user.login, user.password);
    };
    quality = await make('质检赵敏');
    reviewer2 = await make('质检钱多');
  });
  afterAll(() => t.close());

  const ticket = async () => {
    const response = await desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(desk.company.project.id, { householdId: desk.company.household.id }));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };

  it('checks a cold reply while typing: span, red line, why and a warm rewrite that keeps the time', async () => {
    const text = '这个不归我们管，你去找开发商，明天下午3点前自己打电话。';
    const response = await desk.call(desk.steward.cookie, 'POST', '/text-qa/check', { text });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    const shirking = result.findings.find((finding: { redLine: string }) => finding.redLine === 'shirking');
    expect(shirking).toMatchObject({ redLineName: { 'zh-CN': '推诿' } });
    expect(text.slice(shirking.start, shirking.end)).toBe(shirking.excerpt);
    expect(shirking.why['zh-CN'].length).toBeGreaterThan(0);
    expect(result.rewrite.text).toContain('3点');
    expect(result.score).toBeLessThan(70);
    // A reply that names another party while keeping ownership is not a red line.
    const owned = (await desk.call(desk.steward.cookie, 'POST', '/text-qa/check', { text: '需要开发商维修，我可以帮您联系并跟进，今天下午给您回复。' })).json();
    expect(owned.findings).toEqual([]);
    // Bad input gets a clear answer.
    const empty = (await desk.call(desk.steward.cookie, 'POST', '/text-qa/check', { text: '' })).json();
    expect(empty.notices[0].code).toBe('empty');
    const huge = await desk.call(desk.steward.cookie, 'POST', '/text-qa/check', { text: '<b>好的</b>😀'.repeat(8000) });
    expect(huge.statusCode).toBe(200);
  });

  it('stores findings and a score for an owner-visible update, not for an internal note; quality accepts and rejects them', async () => {
    const { id } = await ticket();
    expect((await desk.call(desk.steward.cookie, 'POST', `/tickets/${id}/notes`, { body: '内部：这个业主事多' })).statusCode).toBe(201);
    expect(
      (await desk.call(desk.steward.cookie, 'POST', `/tickets/${id}/notes`, { body: '你自己看说明书，这都不会啊。', visibleToOwner: true })).statusCode,
    ).toBe(201);
    expect(
      (await desk.call(desk.steward.cookie, 'POST', `/tickets/${id}/notes`, { body: '这个不归我们管，你去找开发商。', visibleToOwner: true })).statusCode,
    ).toBe(201);
    expect((await desk.call(desk.steward.cookie, 'GET', '/text-qa/findings')).statusCode).toBe(403);
    const findings = (await desk.call(quality, 'GET', '/text-qa/findings?status=open')).json().items as {
      id: string;
      redLine: string;
      body: string;
      excerpt: string;
      authorName: string;
    }[];
    expect(findings.length).toBeGreaterThanOrEqual(2);
    expect(findings.every((finding) => !finding.body.includes('内部'))).toBe(true);
    expect(findings[0]!.authorName).toBe('管家王丽');
    const shirking = findings.find((finding) => finding.redLine === 'shirking')!;
    const accepted = await desk.call(quality, 'POST', `/text-qa/findings/${shirking.id}/review`, { decision: 'accepted', note: '典型推诿' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewNote: '典型推诿' });
    const other = findings.find((finding) => finding.id !== shirking.id)!;
    expect((await desk.call(quality, 'POST', `/text-qa/findings/${other.id}/review`, { decision: 'rejected' })).json().status).toBe('rejected');
    // A rejected finding is a counter-example: the same words are not flagged by the same rule again.
    const again = (await desk.call(desk.steward.cookie, 'POST', '/text-qa/check', { text: other.body })).json();
    expect(again.findings.some((finding: { excerpt: string }) => finding.excerpt === other.excerpt)).toBe(false);
  });

  it('company rules: a keyword rule flags, a broken regex is refused with the reason', async () => {
    const broken = await desk.call(quality, 'PUT', '/text-qa/rules', {
      additions: { rules: [{ id: 'co.bad', redLine: 'casual', match: { kind: 'regex', pattern: '(没门' }, why: { 'zh-CN': '不当', 'en-US': 'Bad' } }] },
    });
    expect(broken.statusCode).toBe(422);
    expect(JSON.stringify(broken.json().errors)).toMatch(/正则表达式无法编译/);
    const saved = await desk.call(quality, 'PUT', '/text-qa/rules', {
      additions: {
        rules: [
          {
            id: 'co.slang',
            redLine: 'casual',
            match: { kind: 'keywords', terms: ['老规矩'], mode: 'any' },
            unless: [{ pattern: '请您放心', scope: 'sentence' }],
            severity: 'high',
            autoFail: true,
            why: { 'zh-CN': '“老规矩”业主听不懂，要说清楚做法', 'en-US': 'Jargon the owner cannot follow' },
            replacement: '按约定的流程',
          },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const flagged = (await desk.call(desk.steward.cookie, 'POST', '/text-qa/check', { text: '师傅明天上午到，按老规矩办。' })).json();
    expect(flagged.findings.find((finding: { ruleId: string }) => finding.ruleId === 'co.slang')).toMatchObject({ autoFail: true });
    expect(flagged.score).toBe(0);
    expect((await desk.call(desk.steward.cookie, 'PUT', '/text-qa/rules', { additions: {} })).statusCode).toBe(403);
  });

  it('scorecards per staff, team and project; the review queue with the rubric and calibration', async () => {
    const { id } = await ticket();
    for (const body of ['您好，感谢您的耐心，我已安排师傅今天下午3点上门，修好后我第一时间告诉您。', '等着吧。', '师傅明天上午到，按老规矩办。'])
      expect((await desk.call(desk.steward.cookie, 'POST', `/tickets/${id}/notes`, { body, visibleToOwner: true })).statusCode).toBe(201);
    const byStaff = (await desk.call(quality, 'GET', '/text-qa/scorecard?by=staff')).json();
    const row = byStaff.rows.find((item: { name: string }) => item.name === '管家王丽');
    expect(row.texts).toBeGreaterThanOrEqual(5);
    expect(row.autoFails).toBeGreaterThanOrEqual(1);
    expect(row.redLines.shirking).toBeGreaterThanOrEqual(1);
    expect(byStaff.trend[0]).toMatchObject({ month: '2026-11' });
    expect((await desk.call(quality, 'GET', '/text-qa/scorecard?by=team')).json().rows[0].name).toBe('steward');
    expect((await desk.call(quality, 'GET', '/text-qa/scorecard?by=project')).json().rows[0].name).toBe(desk.company.project.name);
    const queue = (await desk.call(quality, 'GET', '/text-qa/reviews')).json().items as { textId: string; autoFailed: boolean }[];
    expect(queue.some((item) => item.autoFailed)).toBe(true);
    const target = queue.find((item) => !item.autoFailed) ?? queue[0]!;
    const rubric = { greeting: 5, listening: 4, empathy: 4, solution: 5, commitment: 5, closing: 4 };
    const first = (await desk.call(quality, 'POST', `/text-qa/reviews/${target.textId}`, { rubric, comment: '语气温和' })).json();
    await desk.call(reviewer2, 'POST', `/text-qa/reviews/${target.textId}`, { rubric: { ...rubric, empathy: 1, listening: 1 } });
    expect(first.total).toBe(target.autoFailed ? 0 : 90);
    const calibration = (await desk.call(quality, 'GET', '/text-qa/calibration')).json();
    expect(calibration.texts).toBe(1);
    expect(calibration.reviewers).toHaveLength(2);
    expect(calibration.averageSpread).toBe(target.autoFailed ? 0 : 20);
  });

  it('checks every owner-visible staff text on save: action notes and reasons, a visit remark (not the quoted owner), a technician result', async () => {
    const { id } = await ticket();
    const act = (body: object, cookie = desk.steward.cookie) => desk.call(cookie, 'POST', `/tickets/${id}/actions`, body);
    expect((await act({ action: 'accept', note: '知道了，等着吧。' })).statusCode).toBe(200);
    expect((await act({ action: 'assign', assigneeId: desk.technician.id })).statusCode).toBe(200);
    expect((await act({ action: 'start' }, desk.technician.cookie)).statusCode).toBe(200);
    const hold = await act({ action: 'hold', reason: '这个不归我们管，等开发商吧。', resumeAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString() });
    expect(hold.statusCode, hold.body).toBe(200);
    expect((await act({ action: 'resume' })).statusCode).toBe(200);
    expect((await act({ action: 'resolve', note: '已更换厨房水龙头，您试用一下，有问题随时找我。' }, desk.technician.cookie)).statusCode).toBe(200);
    const visit = await desk.call(desk.steward.cookie, 'POST', `/tickets/${id}/visits`, {
      method: 'phone',
      outcome: 'confirmed',
      csat: 4,
      comment: '你确定是楼上漏的吗？我们上次看过没问题啊。',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const findings = (await desk.call(quality, 'GET', '/text-qa/findings?limit=200')).json().items as {
      sourceType: string;
      ticketId: string;
      redLine: string;
    }[];
    const mine = findings.filter((finding) => finding.ticketId === id);
    expect(mine.find((finding) => finding.sourceType === 'visit_remark')).toMatchObject({ redLine: 'doubting' });
    expect(mine.filter((finding) => finding.sourceType === 'ticket_update').map((finding) => finding.redLine)).toEqual(
      expect.arrayContaining(['impatient', 'shirking']),
    );
    const rows = await t.connection.db.select().from(qaTexts).where(eq(qaTexts.ticketId, id));
    expect(rows.map((row) => row.sourceType).sort()).toEqual(['ticket_update', 'ticket_update', 'ticket_update', 'visit_remark']);
  });

  it('the review sample: rates per company, team and staff member; bad rates refused', async () => {
    expect((await desk.call(quality, 'GET', '/text-qa/sampling')).json()).toEqual({ defaultRate: 0.2, byPost: {}, byStaff: {} });
    expect((await desk.call(quality, 'PUT', '/text-qa/sampling', { defaultRate: 1.5, byPost: {}, byStaff: {} })).statusCode).toBe(400);
    expect((await desk.call(desk.steward.cookie, 'PUT', '/text-qa/sampling', { defaultRate: 1, byPost: {}, byStaff: {} })).statusCode).toBe(403);
    const saved = await desk.call(quality, 'PUT', '/text-qa/sampling', { defaultRate: 0, byPost: {}, byStaff: { [desk.steward.id]: 1 } });
    expect(saved.statusCode, saved.body).toBe(200);
    const { id } = await ticket();
    const warm = ['您好，师傅今天下午3点上门，我会跟进到底。', '您好，谢谢您的耐心，明早9点前给您回复。', '您好，已为您登记，我今天会再确认一次。'];
    for (const body of warm) await desk.call(desk.steward.cookie, 'POST', `/tickets/${id}/notes`, { body, visibleToOwner: true });
    await desk.call(desk.agent.cookie, 'POST', `/tickets/${id}/notes`, { body: '您好，我已帮您转给管家，她今天会联系您。', visibleToOwner: true });
    const rows = await t.connection.db.select().from(qaTexts).where(eq(qaTexts.ticketId, id));
    expect(rows.filter((row) => row.authorId === desk.steward.id).every((row) => row.sampled)).toBe(true);
    expect(rows.filter((row) => row.authorId !== desk.steward.id).every((row) => !row.sampled)).toBe(true);
    await desk.call(quality, 'PUT', '/text-qa/sampling', { defaultRate: 0.2, byPost: {}, byStaff: {} });
  });

  it('company scripts: added in the console, refused with the red line when a phrasing crosses one, found by pinyin, removed', async () => {
    const script = {
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
    const cold = await desk.call(quality, 'PUT', '/scripts/parcel-holding', { ...script, disc: { ...script.disc, tiger: '这个不归我们管，你找快递公司去。' } });
    expect(cold.statusCode).toBe(422);
    expect(cold.json().errors[0]).toMatchObject({ field: 'disc.tiger' });
    expect(JSON.stringify(cold.json().errors)).toMatch(/推诿/);
    expect((await desk.call(desk.steward.cookie, 'PUT', '/scripts/parcel-holding', script)).statusCode).toBe(403);
    const saved = await desk.call(quality, 'PUT', '/scripts/parcel-holding', script);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ key: 'parcel-holding', companyOwned: true });
    const found = (await desk.call(desk.steward.cookie, 'GET', '/scripts?q=kdds')).json().items as { key: string }[];
    expect(found.map((item) => item.key)).toEqual(['parcel-holding']);
    const stored = await t.connection.db.select().from(qaTexts).where(eq(qaTexts.sourceType, 'script'));
    expect(stored.filter((row) => row.sourceId.startsWith('parcel-holding:'))).toHaveLength(5);
    expect((await desk.call(quality, 'DELETE', '/scripts/parcel-holding')).statusCode).toBe(204);
    expect((await desk.call(desk.steward.cookie, 'GET', '/scripts?q=kdds')).json().items).toEqual([]);
  });

  it('a staff-side-only company rule leaves the owner quoted in a remark alone', async () => {
    await desk.call(quality, 'PUT', '/text-qa/rules', {
      additions: {
        rules: [
          {
            id: 'co.slacking',
            redLine: 'casual',
            match: { kind: 'keywords', terms: ['歇菜'], mode: 'any' },
            staffSideOnly: true,
            why: { 'zh-CN': '口语化', 'en-US': 'Slang' },
          },
        ],
      },
    });
    const quoted = (await desk.call(desk.steward.cookie, 'POST', '/text-qa/check', { text: '业主说：“电梯又歇菜了”。我已联系维保，今晚8点前回复您。' })).json();
    expect(quoted.findings).toEqual([]);
    const own = (await desk.call(desk.steward.cookie, 'POST', '/text-qa/check', { text: '电梯歇菜了，师傅在修。' })).json();
    expect(own.findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('co.slacking');
  });

  it("the base red lines judge the staff's own words: a remark quoting the owner stores no finding, the steward's own cold words do", async () => {
    const { id } = await ticket();
    const act = (body: object, cookie = desk.steward.cookie) => desk.call(cookie, 'POST', `/tickets/${id}/actions`, body);
    expect((await act({ action: 'accept' })).statusCode).toBe(200);
    expect((await act({ action: 'assign', assigneeId: desk.technician.id })).statusCode).toBe(200);
    expect((await act({ action: 'start' }, desk.technician.cookie)).statusCode).toBe(200);
    // The owner's complaint about an earlier answer, reported in an update: 推诿 and 烦躁 words, but not the steward's.
    const reported = await desk.call(desk.steward.cookie, 'POST', `/tickets/${id}/notes`, {
      body: '业主反映之前前台说“这不归我们管，你去找开发商”，我已向业主致歉，这件事由我负责协调开发商，周五前给您答复。',
      visibleToOwner: true,
    });
    expect(reported.statusCode, reported.body).toBe(201);
    expect((await act({ action: 'resolve', note: '已更换厨房水龙头，您试用一下，有问题随时找我。' }, desk.technician.cookie)).statusCode).toBe(200);
    const visit = await desk.call(desk.steward.cookie, 'POST', `/tickets/${id}/visits`, {
      method: 'phone',
      outcome: 'confirmed',
      csat: 3,
      comment: '回访时业主说：“你们都说了好几遍了，是不是你们自己搞错了”。我已致歉，明天上午10点我陪师傅再上门复查。',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const rows = await t.connection.db.select().from(qaTexts).where(eq(qaTexts.ticketId, id));
    const quoting = rows.filter((row) => row.body.includes('业主'));
    expect(quoting.map((row) => row.sourceType).sort()).toEqual(['ticket_update', 'visit_remark']);
    for (const row of quoting) expect(row.redLines, row.body).toEqual([]);
    // The same words in the steward's own voice, after the owner's, are a red line of the steward.
    const own = (await desk.call(desk.steward.cookie, 'POST', '/text-qa/check', { text: '业主反映楼道灯不亮，我们不管这个，说了好几遍了。' })).json() as {
      findings: { redLine: string; excerpt: string }[];
    };
    expect(own.findings.map((finding) => finding.redLine).sort()).toEqual(['impatient', 'shirking']);
  });

  it('another company sees none of these findings and cannot review them', async () => {
    const other = await createCompany(t.connection.db, '别家物业');
    const cookie = await signIn(t.app, other.admin.login, other.admin.password);
    const mine = (await desk.call(quality, 'GET', '/text-qa/findings')).json().items as { id: string; textId: string }[];
    expect((await desk.call(cookie, 'GET', '/text-qa/findings')).json().items).toEqual([]);
    expect((await desk.call(cookie, 'POST', `/text-qa/findings/${mine[0]!.id}/review`, { decision: 'rejected' })).statusCode).toBe(404);
    expect(
      (
        await desk.call(cookie, 'POST', `/text-qa/reviews/${mine[0]!.textId}`, {
          rubric: { greeting: 0, listening: 0, empathy: 0, solution: 0, commitment: 0, closing: 0 },
        })
      ).statusCode,
    ).toBe(404);
    expect((await desk.call(cookie, 'GET', '/text-qa/scorecard')).json().rows).toEqual([]);
    expect((await desk.call(cookie, 'GET', '/text-qa/rules')).json().additions).toEqual({});
  });
});

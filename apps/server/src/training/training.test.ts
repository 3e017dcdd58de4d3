import { builtInDrills, scriptScenarios } from '@manyi/core';
import { queryRows } from '@manyi/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { eventsOf, scoreSources } from '../scorecards/sources';
import { companyAppPerFile, createCompany, createProject, createStaff, signIn, type Company, type TestApp } from '../../test';

describe('training academy: courses, quizzes, drills, learning records', () => {
  let t: TestApp;
  let company: Company;
  let admin: string;
  companyAppPerFile((made) => ({ t, company, admin } = made));
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload && { payload }) });
  const steward = async (projectIds = [company.project.id]) => {
    const user = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], projectIds, name: '王管家' });
    return { user, cookie: await signIn(t.app, user.login, user.password) };
  };

  it('a steward reads the lessons, passes the quiz and completes the course', async () => {
    const { cookie } = await steward();
    const list = (await call(cookie, 'GET', '/training/courses')).json();
    expect(list.items.map((course: { key: string }) => course.key)).toEqual(
      expect.arrayContaining(['servqual', 'nps', 'kano', 'mot', 'clear', 'red-lines', 'disc', 'five-gap']),
    );
    const course = (await call(cookie, 'GET', '/training/courses/clear')).json();
    expect(course.quiz[0]).not.toHaveProperty('correct');
    for (const lesson of course.lessons)
      expect((await call(cookie, 'POST', `/training/courses/clear/lessons/${lesson.id}/done`, { seconds: 120 })).statusCode).toBe(200);
    const wrong = (await call(cookie, 'POST', '/training/courses/clear/quiz', { answers: { q1: ['a'], q2: ['b'] } })).json();
    expect(wrong).toMatchObject({ score: 0, passed: false });
    expect(wrong.questions[0].explanation['zh-CN']).toContain('Establish');
    const right = (await call(cookie, 'POST', '/training/courses/clear/quiz', { answers: { q1: ['b'], q2: ['a'] }, seconds: 60 })).json();
    expect(right).toMatchObject({ score: 100, passed: true });
    const after = (await call(cookie, 'GET', '/training/courses/clear')).json();
    expect(after.progress).toEqual({ lessonsDone: course.lessons.length, bestScore: 100, passed: true, completed: true });
    const record = (await call(cookie, 'GET', '/training/records')).json();
    expect(record).toMatchObject({ coursesCompleted: 1, minutes: Math.round((120 * course.lessons.length + 60) / 60) });
    expect(record.entries.map((entry: { kind: string }) => entry.kind)).toEqual(['quiz', 'quiz', ...course.lessons.map(() => 'lesson')]);
  });

  it('scores the 车库漏水 drill by CLEAR and red lines, keeps it in the record, and shows the model answer after', async () => {
    const { cookie } = await steward();
    const drill = (await call(cookie, 'GET', '/training/drills/garage-leak')).json();
    expect(drill.ownerTurns).toHaveLength(3);
    expect(drill).not.toHaveProperty('modelReplies');
    expect(drill.styleTip['zh-CN']).toContain('速度');
    const cold = (
      await call(cookie, 'POST', '/training/drills/garage-leak/attempts', { replies: ['知道了。', '这个不归我们管，你去找开发商。', '等着吧。'] })
    ).json();
    expect(cold.passed).toBe(false);
    expect(cold.findings.some((finding: { redLine: string; turn: number }) => finding.redLine === 'shirking' && finding.turn === 1)).toBe(true);
    expect(cold.rewrites[1]).toEqual(expect.any(String));
    expect(cold.steps.find((step: { step: string }) => step.step === 'apologize')).toMatchObject({ present: false, name: { 'zh-CN': '表达歉意' } });
    expect(cold.modelReplies).toEqual(builtInDrills[0]!.modelReplies);
    const model = (await call(cookie, 'POST', '/training/drills/garage-leak/attempts', { replies: builtInDrills[0]!.modelReplies, seconds: 300 })).json();
    expect(model).toMatchObject({ total: 100, passed: true, inOrder: true });
    const list = (await call(cookie, 'GET', '/training/drills')).json();
    expect(list.items.find((item: { key: string }) => item.key === 'garage-leak')).toMatchObject({ attempts: 2, bestScore: 100 });
    const record = (await call(cookie, 'GET', '/training/records')).json();
    expect(record).toMatchObject({ drillsPassed: 1, averageDrillScore: 100 });
    expect(record.entries[0]).toMatchObject({
      kind: 'drill',
      subjectKey: 'garage-leak',
      score: 100,
      passed: true,
      subjectTitle: { 'zh-CN': '车库漏水几个月没人管' },
    });
  });

  it('practises a script of the library in a situation: red lines and warmth scored against its phrasing, kept in the record for the scorecards', async () => {
    const { user, cookie } = await steward();
    const list = (await call(cookie, 'GET', '/training/practice')).json();
    const soothing = list.items.find((item: { key: string }) => item.key === 'complaint-soothing');
    expect(soothing).toMatchObject({ attempts: 0, bestScore: null, passedSituations: [], opening: { 'zh-CN': expect.stringContaining('没人管') } });
    expect(soothing).not.toHaveProperty('standard');
    const scenario = scriptScenarios.find((item) => item.key === 'complaint-soothing')!;

    const cold = (
      await call(cookie, 'POST', '/training/practice/complaint-soothing/attempts', { situation: 'tiger', reply: scenario.cold, seconds: 40 })
    ).json();
    expect(cold).toMatchObject({ situation: 'tiger', model: scenario.disc.tiger, passed: false });
    expect(cold.findings[0]).toMatchObject({ redLine: 'shirking', labels: { 'zh-CN': '推诿' } });
    expect(cold.rewrite).toEqual(expect.any(String));
    expect(cold.feedback[0]['zh-CN']).toContain('推诿');
    const warm = (
      await call(cookie, 'POST', '/training/practice/complaint-soothing/attempts', {
        situation: 'tiger',
        reply: '是我们没做好，这件事我来负责。今天18点前给您结果，您看这样可以吗？',
        seconds: 90,
      })
    ).json();
    expect(warm).toMatchObject({ passed: true, findings: [] });
    expect(warm.total).toBeGreaterThan(cold.total);
    expect(warm.techniques.find((technique: { code: string }) => technique.code === 'first_person')).toMatchObject({ inModel: true, inReply: true });

    const after = (await call(cookie, 'GET', '/training/practice')).json().items.find((item: { key: string }) => item.key === 'complaint-soothing');
    expect(after).toMatchObject({ attempts: 2, bestScore: warm.total, passedSituations: ['tiger'] });
    const record = (await call(cookie, 'GET', '/training/records')).json();
    expect(record).toMatchObject({ practicesPassed: 1, minutes: Math.round(130 / 60) });
    expect(record.entries[0]).toMatchObject({
      kind: 'practice',
      subjectKey: 'complaint-soothing',
      itemKey: 'tiger',
      subjectTitle: { 'zh-CN': '投诉安抚' },
      score: warm.total,
      passed: true,
      seconds: 90,
    });
    // A passed practice is a scorecard point of the learner (the training source); the failed one is not.
    const training = scoreSources.filter((source) => source.name === 'training');
    const events = await queryRows<{ kind: string; title: string }>(
      t.connection.db,
      sql`select kind, title from ${eventsOf(training, { tenantId: company.tenant.id, staffId: user.id, from: new Date(0) })}`,
    );
    expect(events).toEqual([{ kind: 'training_passed', title: 'complaint-soothing · tiger' }]);
    // Training, not service: the practice is no owner-facing text for the review queue.
    const queue = (await call(admin, 'GET', '/text-qa/reviews')).json().items as { body: string }[];
    expect(queue.some((item) => item.body.includes('这件事我来负责'))).toBe(false);
  });

  it('refuses an empty practice reply, an unknown situation and an unknown script', async () => {
    const { cookie } = await steward();
    const empty = await call(cookie, 'POST', '/training/practice/complaint-soothing/attempts', { situation: 'standard', reply: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('reply');
    const situation = await call(cookie, 'POST', '/training/practice/complaint-soothing/attempts', { situation: 'lion', reply: '您好' });
    expect(situation.statusCode).toBe(400);
    expect(situation.json().errors[0].field).toBe('situation');
    expect((await call(cookie, 'POST', '/training/practice/no-such/attempts', { situation: 'standard', reply: '您好' })).statusCode).toBe(404);
    expect((await call(cookie, 'GET', '/training/records')).json().entries).toEqual([]);
  });

  it('refuses an empty drill answer, a wrong number of replies, and unknown drills or courses', async () => {
    const { cookie } = await steward();
    const empty = await call(cookie, 'POST', '/training/drills/garage-leak/attempts', { replies: ['', '  ', ''] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((error: { field: string }) => error.field)).toContain('replies.0');
    const short = await call(cookie, 'POST', '/training/drills/garage-leak/attempts', { replies: ['您好'] });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0]).toMatchObject({ field: 'replies', messages: { 'zh-CN': '请逐条回答业主的每一句话' } });
    expect((await call(cookie, 'GET', '/training/drills/nothing')).statusCode).toBe(404);
    expect((await call(cookie, 'GET', '/training/courses/nothing')).statusCode).toBe(404);
    expect((await call(cookie, 'POST', '/training/courses/clear/lessons/nothing/done', {})).statusCode).toBe(404);
    expect((await call(cookie, 'GET', '/training/records')).json().entries).toEqual([]);
  });

  it("a company writes its own course; a quiz with no correct answer is refused with the question's field", async () => {
    const body = {
      title: '装修管理规定',
      lessons: [{ title: '装修时间', body: '工作日 8:00–12:00、14:00–18:00 可以施工。' }],
      quiz: [
        {
          id: 'q1',
          text: '周日可以装修吗？',
          options: [
            { id: 'a', text: '可以' },
            { id: 'b', text: '不可以' },
          ],
          correct: [] as string[],
        },
      ],
    };
    const refused = await call(admin, 'POST', '/training/courses', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'quiz.0.correct', messages: { 'zh-CN': '每道题至少要有一个正确选项' } });
    const unknown = await call(admin, 'POST', '/training/courses', { ...body, quiz: [{ ...body.quiz[0], correct: ['c'] }] });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'quiz.0.correct', messages: { 'zh-CN': '正确答案不在选项中' } });
    const created = await call(admin, 'POST', '/training/courses', { ...body, quiz: [{ ...body.quiz[0], correct: ['b'] }] });
    expect(created.statusCode).toBe(201);
    const course = created.json();
    expect(course).toMatchObject({ builtIn: false, topic: 'custom', title: { 'zh-CN': '装修管理规定' }, lessonCount: 1 });
    const { cookie } = await steward();
    expect((await call(cookie, 'POST', '/training/courses', { ...body, quiz: [{ ...body.quiz[0], correct: ['b'] }] })).statusCode).toBe(403);
    expect((await call(cookie, 'POST', `/training/courses/${course.key}/quiz`, { answers: { q1: ['b'] } })).json()).toMatchObject({ score: 100, passed: true });
  });

  it('a manager assigns a course to their team, sees its progress, and cannot reach people outside it', async () => {
    const manager = await createStaff(t.connection.db, company.tenant.id, { roles: ['manager'], projectIds: [company.project.id] });
    const managerCookie = await signIn(t.app, manager.login, manager.password);
    const { user, cookie } = await steward();
    const elsewhere = await createProject(t.connection.db, company.tenant.id, { name: '别处' });
    const stranger = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], projectIds: [elsewhere.id] });
    const outside = await call(managerCookie, 'POST', '/training/assignments', { courseKey: 'disc', staffIds: [user.id, stranger.id], dueOn: '2026-01-01' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0].field).toBe('staffIds.1');
    expect((await call(managerCookie, 'POST', '/training/assignments', { courseKey: 'disc', staffIds: [user.id], dueOn: '2026-01-01' })).json()).toEqual({
      assigned: 1,
    });
    // Assigned and overdue courses come first in the steward's list.
    expect((await call(cookie, 'GET', '/training/courses')).json().items[0]).toMatchObject({ key: 'disc', dueOn: '2026-01-01' });
    const team = (await call(managerCookie, 'GET', '/training/team')).json();
    expect(team.items.find((item: { staffId: string }) => item.staffId === user.id)).toMatchObject({ assigned: 1, completedAssigned: 0, overdue: 1 });
    expect(team.items.some((item: { staffId: string }) => item.staffId === stranger.id)).toBe(false);
    expect((await call(managerCookie, 'GET', `/training/records?staffId=${user.id}`)).statusCode).toBe(200);
    expect((await call(managerCookie, 'GET', `/training/records?staffId=${stranger.id}`)).statusCode).toBe(404);
    // A steward sees only their own record and may not assign.
    expect((await call(cookie, 'GET', `/training/records?staffId=${manager.id}`)).statusCode).toBe(404);
    expect((await call(cookie, 'GET', '/training/team')).statusCode).toBe(403);
    expect((await call(cookie, 'POST', '/training/assignments', { courseKey: 'disc', staffIds: [user.id] })).statusCode).toBe(403);
  });

  it("another company's courses and people are not found", async () => {
    const other = await createCompany(t.connection.db, '别家物业');
    const otherAdmin = await signIn(t.app, other.admin.login, other.admin.password);
    const body = {
      title: '本公司课程',
      lessons: [{ title: '一', body: '内容' }],
      quiz: [
        {
          id: 'q1',
          text: '题',
          options: [
            { id: 'a', text: '对' },
            { id: 'b', text: '错' },
          ],
          correct: ['a'],
        },
      ],
    };
    const course = (await call(admin, 'POST', '/training/courses', body)).json();
    expect((await call(otherAdmin, 'GET', `/training/courses/${course.key}`)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'GET', '/training/courses')).json().items.some((item: { key: string }) => item.key === course.key)).toBe(false);
    expect((await call(otherAdmin, 'POST', '/training/assignments', { courseKey: course.key, staffIds: [company.admin.id] })).statusCode).toBe(422);
    expect((await call(otherAdmin, 'GET', `/training/records?staffId=${company.admin.id}`)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';

describe('script library (话术库) and homework', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  let quality: string;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await serviceDesk(t);
    const user = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['quality'], projectIds: [], name: '质检赵敏' });
    quality = await signIn(t.app, user.login, user.password);
  });
  afterAll(() => t.close());
  const keys = async (q: string) =>
    ((await desk.call(desk.steward.cookie, 'GET', `/scripts?q=${encodeURIComponent(q)}`)).json().items as { key: string }[]).map((item) => item.key);

  it('finds scenarios by words and by pinyin initials, with a standard phrasing and four DISC variants', async () => {
    const all = (await desk.call(desk.steward.cookie, 'GET', '/scripts')).json().items;
    expect(all.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(all[0].disc).sort()).toEqual(['owl', 'panda', 'peacock', 'tiger']);
    expect(await keys('tsaf')).toEqual(['complaint-soothing']);
    expect(await keys('cjwyf')).toEqual(['fee-reminder']);
    expect(await keys('停水')).toContain('outage-notice');
    expect(await keys('车位')).toContain('parking-dispute');
    expect(await keys('zzzz')).toEqual([]);
  });

  it('scores a rewrite of the cold script, and the steward reads the reviewer’s comment', async () => {
    const cold = (await desk.call(desk.steward.cookie, 'POST', '/scripts/complaint-soothing/homework', { text: '这个不归我们管，你找开发商去。' })).json();
    expect(cold.findings[0].redLine).toBe('shirking');
    const warm = (
      await desk.call(desk.steward.cookie, 'POST', '/scripts/complaint-soothing/homework', {
        text: '非常理解您的心情，需要开发商维修的部分我可以帮您联系并跟进，今天18点前给您回复，您看可以吗？',
      })
    ).json();
    expect(warm.findings).toEqual([]);
    expect(warm.score).toBeGreaterThan(cold.score);
    expect((await desk.call(desk.steward.cookie, 'POST', '/scripts/no-such/homework', { text: '您好' })).statusCode).toBe(404);
    const queue = (await desk.call(quality, 'GET', '/text-qa/reviews')).json().items as { textId: string; sourceType: string; body: string }[];
    const homework = queue.find((item) => item.sourceType === 'homework' && item.body.includes('开发商维修'))!;
    const rubric = { greeting: 4, listening: 4, empathy: 5, solution: 5, commitment: 5, closing: 4 };
    expect((await desk.call(quality, 'POST', `/text-qa/reviews/${homework.textId}`, { rubric, comment: '共情到位，承诺了时间' })).statusCode).toBe(200);
    const mine = (await desk.call(desk.steward.cookie, 'GET', '/scripts/homework')).json().items;
    expect(mine).toHaveLength(2);
    expect(mine.find((item: { textId: string }) => item.textId === homework.textId).reviews[0]).toMatchObject({
      reviewerName: '质检赵敏',
      comment: '共情到位，承诺了时间',
    });
    // Another steward sees only their own; another company none.
    expect((await desk.call(desk.agent.cookie, 'GET', '/scripts/homework')).json().items).toEqual([]);
    const other = await createCompany(t.connection.db, '别家物业');
    const cookie = await signIn(t.app, other.admin.login, other.admin.password);
    expect((await desk.call(cookie, 'GET', '/scripts/homework')).json().items).toEqual([]);
  });
});

/**
 * Budget of issue 17: the typing check's round trip ≤ 100 ms p95.
 *
 *   npx tsx bench/typing-check.ts          # DATABASE_URL, default a fresh database on postgres://postgres@127.0.0.1:5432
 *
 * A real HTTP round trip: the app listens on a free port and a client POSTs /api/v1/text-qa/check with a signed-in
 * steward's cookie, one request at a time as the editor sends them while someone types (each a longer prefix of a
 * reply, cold and warm ones, with a company rule saved so the company's merged configuration is used and the
 * counter-examples query runs), 500 requests after 20 warm-up ones, on PostgreSQL.
 */
import { freshDatabase, signIn, startBenchApp } from './bench-app';
import { createProject, createStaff, createTenant } from '../apps/server/test/factories';

const budgetMs = 100;
const replies = [
  '这个不归我们管，你去找开发商，明天下午3点前自己打电话问。',
  '您好，非常抱歉给您添麻烦了，我已经安排师傅今天下午3点上门查看，修好后我第一时间告诉您，您看可以吗？',
  '知道了，等着吧。',
  '你确定是楼上漏的吗？我们上次看过没问题啊。',
  '这事搞不定，没办法，规定就是这样。',
  '亲，师傅明儿个过去哈，妥妥的~',
];
const prefixes = replies.flatMap((reply) => Array.from({ length: Math.ceil(reply.length / 4) }, (_, index) => reply.slice(0, (index + 1) * 4)));

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

const given = process.env.DATABASE_URL;
const fresh = given ? undefined : await freshDatabase('postgres://postgres@127.0.0.1:5432/postgres', 'bench_typing');
const bench = await startBenchApp(given ?? fresh!.url, 10);
try {
  const tenant = await createTenant(bench.db, '压测物业-质检');
  const project = await createProject(bench.db, tenant.id, { name: '压测花园' });
  const steward = await createStaff(bench.db, tenant.id, { roles: ['steward'], projectIds: [project.id], name: '压测管家' });
  const admin = await createStaff(bench.db, tenant.id, { roles: ['admin'], projectIds: [], name: '压测质检' });
  const address = await bench.app.listen({ port: 0, host: '127.0.0.1' });
  const cookie = await signIn(bench.app, steward.login, steward.password);
  const adminCookie = await signIn(bench.app, admin.login, admin.password);
  const rule = {
    id: 'co.jargon',
    redLine: 'casual',
    match: { kind: 'keywords', terms: ['老规矩'], mode: 'any' },
    why: { 'zh-CN': '业主听不懂', 'en-US': 'Jargon' },
  };
  const saved = await fetch(`${address}/api/v1/text-qa/rules`, {
    method: 'PUT',
    headers: { cookie: adminCookie, 'content-type': 'application/json', origin: address },
    body: JSON.stringify({ additions: { rules: [rule] } }),
  });
  if (saved.status !== 200) throw new Error(`rules: ${saved.status} ${await saved.text()}`);
  const samples: number[] = [];
  for (let index = 0; index < 520; index += 1) {
    const text = prefixes[index % prefixes.length]!;
    const started = performance.now();
    const response = await fetch(`${address}/api/v1/text-qa/check`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: address },
      body: JSON.stringify({ text }),
    });
    await response.json();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`check: ${response.status}`);
    if (index >= 20) samples.push(elapsed);
  }
  const sorted = samples.sort((left, right) => left - right);
  const p95 = percentile(sorted, 0.95);
  process.stdout.write(
    `typing check, HTTP round trip p95 (PostgreSQL): ${p95.toFixed(2)} ms (budget ≤ ${budgetMs} ms; ${p95 <= budgetMs ? 'met' : 'FAIL'}; p50 ${percentile(sorted, 0.5).toFixed(2)} ms, n=${sorted.length}; ${process.version})\n`,
  );
  if (p95 > budgetMs) process.exitCode = 1;
} finally {
  await bench.close();
  await fresh?.drop();
}
// fetch's keep-alive agent would hold the process open after the server closed.
process.exit();

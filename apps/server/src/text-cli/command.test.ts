import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runText, type TextCommand } from './command';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'manyi-text-'));
});

async function run(command: TextCommand, name: string, content: string, options: { config?: string } = {}) {
  const file = join(folder, name);
  await writeFile(file, content);
  let out = '';
  let err = '';
  const code = await runText(command, file, options, { write: (text: string) => (out += text) }, { write: (text: string) => (err += text) });
  return { code, out: out ? (JSON.parse(out) as Record<string, unknown> & { items: Record<string, unknown>[]; summary: Record<string, unknown> }) : null, err };
}

describe('manyi text', () => {
  it('qa: red lines with spans and a rewrite per .jsonl line; a bad line is reported and skipped', async () => {
    const { code, out, err } = await run(
      'qa',
      'replies.jsonl',
      [
        JSON.stringify({ id: 7, text: '这个不归我们管，你去找开发商。' }),
        JSON.stringify({ text: '需要开发商维修，我可以帮您联系并跟进' }),
        '{"text": 3}',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(err).toBe(`manyi text qa: ${join(folder, 'replies.jsonl')}, row 3: no "text" string\n`);
    expect(out?.items).toHaveLength(2);
    expect(out?.items[0]).toMatchObject({
      row: 1,
      id: '7',
      redLines: ['shirking'],
      autoFail: true,
      findings: [{ redLine: 'shirking', label: '推诿', start: 2, end: 6, excerpt: '不归我们' }],
    });
    expect(out?.items[0]?.rewrite).toMatch(/^您好/);
    expect(out?.items[1]).toMatchObject({ row: 2, id: null, redLines: [], rewrite: null });
    expect(out?.summary).toMatchObject({ texts: 2, withFindings: 1, autoFail: 1, byRedLine: { shirking: 1, refusing: 0 } });
    expect(out?.skippedRows).toEqual([3]);
  });

  it('sentiment and topics from a .csv with a text column', async () => {
    const csv = '\ufeffid,Text\n1,电梯坏了三天没人修，太差了\n2,"保洁阿姨很辛苦，楼道很干净"\n3,请问物业费怎么交？\n';
    const sentiment = await run('sentiment', 'comments.csv', csv);
    expect(sentiment.code).toBe(0);
    expect(sentiment.out?.items.map((item) => item.polarity)).toEqual(['negative', 'positive', 'neutral']);
    expect(sentiment.out?.summary).toEqual({ texts: 3, polarity: { positive: 1, negative: 1, neutral: 1 } });
    const topics = await run('topics', 'comments.csv', csv);
    expect(topics.out?.items[0]?.topics).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'engineering.elevator', label: '电梯', categoryCode: 'engineering.elevator' })]),
    );
    expect(topics.out?.items[2]?.topics).toEqual([expect.objectContaining({ code: 'fees' })]);
  });

  it('takes company additions with --config, and refuses a broken regex with the reason', async () => {
    const good = join(folder, 'company.json');
    await writeFile(
      good,
      JSON.stringify({
        rules: [
          { id: 'co.hq', redLine: 'shirking', match: { kind: 'regex', pattern: '归(总部|集团)' }, why: { 'zh-CN': '推给总部', 'en-US': 'To head office' } },
        ],
      }),
    );
    const used = await run('qa', 'hq.jsonl', JSON.stringify({ text: '您好，这件事归集团那边处理' }), { config: good });
    expect(used.out?.items[0]?.findings).toEqual([expect.objectContaining({ ruleId: 'co.hq', excerpt: '归集团' })]);
    const broken = join(folder, 'broken.json');
    await writeFile(
      broken,
      JSON.stringify({ rules: [{ id: 'co.bad', redLine: 'shirking', match: { kind: 'regex', pattern: '找(总部' }, why: { 'zh-CN': 'x', 'en-US': 'x' } }] }),
    );
    const refused = await run('qa', 'hq.jsonl', JSON.stringify({ text: '您好' }), { config: broken });
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/rules\.0\.match\.pattern: The regular expression does not compile: .*Unterminated group/);
  });

  it('refuses a file of another kind, a missing file and a CSV without a text column', async () => {
    expect((await run('qa', 'notes.txt', 'hello')).code).toBe(2);
    expect((await run('topics', 'no-text.csv', 'id,comment\n1,很好\n')).err).toMatch(/no "text" column/);
    let err = '';
    const code = await runText('qa', join(folder, 'missing.jsonl'), {}, { write: () => undefined }, { write: (text: string) => (err += text) });
    expect(code).toBe(2);
    expect(err).toMatch(/cannot be read/);
  });
});

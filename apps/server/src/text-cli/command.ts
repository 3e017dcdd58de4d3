/**
 * `manyi text qa|sentiment|topics <file>`: the text engine (@manyi/text) over a file of texts, as JSON on stdout;
 * no database. `--config` takes a company's additions (the JSON the console will store), checked as the server
 * checks them. Field names are documented in the README. Exit code: 0 analysed, 2 unusable input, 1 otherwise.
 */
import { readFile } from 'node:fs/promises';
import { analyseComments, baseTextConfig, checkReply, mergeTextConfig, validateCompanyAdditions, type TextConfig } from '@manyi/text';
import { readTexts, TextFileError, type TextRow } from './read-texts';

type Sink = { write(text: string): unknown };
export type TextCommand = 'qa' | 'sentiment' | 'topics';

async function configFrom(path: string | undefined): Promise<TextConfig> {
  if (!path) return baseTextConfig;
  let input: unknown;
  try {
    input = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TextFileError(`${path}: not a readable JSON file (${error instanceof Error ? error.message : String(error)})`);
  }
  const check = validateCompanyAdditions(input);
  if (!check.ok) throw new TextFileError(`${path}: ${check.issues.map((issue) => `${issue.path || '(root)'}: ${issue.messages['en-US']}`).join('; ')}`);
  return mergeTextConfig(baseTextConfig, check.value);
}

function qaItems(rows: readonly TextRow[], config: TextConfig) {
  const byRedLine: Record<string, number> = Object.fromEntries(config.redLines.map((line) => [line.code, 0]));
  let warmthTotal = 0;
  const items = rows.map(({ row, id, text }) => {
    const check = checkReply(text, config);
    for (const code of check.redLines) byRedLine[code] = (byRedLine[code] ?? 0) + 1;
    warmthTotal += check.warmth.score;
    return {
      row,
      id,
      text,
      redLines: check.redLines,
      autoFail: check.autoFail,
      findings: check.findings.map((finding) => ({
        redLine: finding.redLine,
        label: finding.labels['zh-CN'],
        ruleId: finding.ruleId,
        start: finding.start,
        end: finding.end,
        excerpt: finding.excerpt,
        why: finding.why,
        severity: finding.severity,
        autoFail: finding.autoFail,
      })),
      warmth: { score: check.warmth.score, present: check.warmth.present },
      rewrite: check.rewrite?.text ?? null,
      notices: check.notices.map((notice) => notice.code),
    };
  });
  const summary = {
    texts: items.length,
    withFindings: items.filter((item) => item.findings.length > 0).length,
    autoFail: items.filter((item) => item.autoFail).length,
    byRedLine,
    meanWarmth: items.length === 0 ? 0 : Math.round((warmthTotal / items.length) * 10) / 10,
  };
  return { items, summary };
}

function voiceItems(command: 'sentiment' | 'topics', rows: readonly TextRow[], config: TextConfig) {
  const { results, summary } = analyseComments(
    rows.map((row) => row.text),
    config,
  );
  const items = rows.map(({ row, id, text }, index) => {
    const result = results[index];
    const notices = result?.notices.map((notice) => notice.code) ?? [];
    if (command === 'sentiment') {
      return {
        row,
        id,
        text,
        polarity: result?.sentiment.polarity ?? 'neutral',
        score: result?.sentiment.score ?? 0,
        evidence: result?.sentiment.evidence ?? [],
        notices,
      };
    }
    return {
      row,
      id,
      text,
      topics: (result?.topics ?? []).map((topic) => ({ code: topic.code, label: topic.labels['zh-CN'], categoryCode: topic.categoryCode, terms: topic.terms })),
      notices,
    };
  });
  return { items, summary: command === 'sentiment' ? { texts: summary.count, polarity: summary.polarity } : { texts: summary.count, topics: summary.topics } };
}

export async function runText(command: TextCommand, file: string, options: { config?: string | undefined }, stdout: Sink, stderr: Sink): Promise<number> {
  try {
    const config = await configFrom(options.config);
    const { rows, problems } = await readTexts(file);
    for (const problem of problems) stderr.write(`manyi text ${command}: ${file}, row ${problem.row}: ${problem.message}\n`);
    const result = command === 'qa' ? qaItems(rows, config) : voiceItems(command, rows, config);
    stdout.write(`${JSON.stringify({ command, file, ...result, skippedRows: problems.map((problem) => problem.row) }, null, 2)}\n`);
    return 0;
  } catch (error) {
    stderr.write(`manyi text ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof TextFileError ? 2 : 1;
  }
}

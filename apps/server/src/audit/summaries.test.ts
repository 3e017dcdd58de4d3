import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hasEnglishSystemText, systemText } from '@manyi/core';
import { describe, expect, it } from 'vitest';

/**
 * Every Chinese text the server writes for the console to show (audit summaries, the system's notes on
 * tickets and incidents) must have its English in core's systemText table (issue 15 §3: English mode
 * translates system-written texts). The texts are read from the sources, with their `${…}` filled by
 * sample values, so a new summary without its English fails here.
 */
const sourceRoot = join(import.meta.dirname, '..');
const skipped = /(\.test\.ts|\/routes\.ts|\/testing\.ts)$|\/demo\//;
// Report notes, SMS and file texts the console does not show through systemText.
const notShown = ['analytics/reports.ts', 'imports/template.ts', 'field-work/service.ts:177'];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !skipped.test(path) ? [path] : [];
  });
}

const sampleName = '阳光花园';
/** A value that fits the expression's meaning: counts are numbers, ticket numbers look like one. */
function sample(expression: string): string[] {
  const branches = /^([^?]+)\?\s*'([^']*)'\s*:\s*'([^']*)'$/.exec(expression.trim());
  if (branches) return [branches[2]!, branches[3]!];
  if (/ticketActions\.labels/.test(expression)) return ['受理', '开始处理', '回访'];
  if (/staffPosts\.labels/.test(expression)) return ['保洁'];
  if (/\.number$/.test(expression.trim())) return ['BX-20261207-0001'];
  if (/length|count|Count|points|version|year|total|delivered|expired|households|persons|units|score|\+ 1|Days|Hours|^number$/.test(expression)) return ['3'];
  if (/\.post|decision|metric|basis|kind|format|status|\bto\b/.test(expression)) return ['x'];
  if (/month/.test(expression)) return ['2026-11'];
  return [sampleName];
}

/** Every way of filling a template literal's expressions (both branches of a conditional). */
function fillings(template: string): string[] {
  const parts = template.split(/\$\{((?:[^{}]|\{[^{}]*\})*)\}/);
  let results = [''];
  parts.forEach((part, index) => {
    const options = index % 2 === 0 ? [part] : sample(part);
    results = results.flatMap((prefix) => options.map((option) => prefix + option));
  });
  return results;
}

type Written = { where: string; text: string };

function writtenTexts(): Written[] {
  const found: Written[] = [];
  for (const file of sourceFiles(sourceRoot)) {
    const relative = file.slice(sourceRoot.length + 1);
    if (notShown.includes(relative)) continue;
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\b(summary|note):\s*(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*')/g)) {
      const literal = match[2]!.slice(1, -1);
      if (!/[\u4e00-\u9fff]/.test(literal)) continue;
      const line = source.slice(0, match.index).split('\n').length;
      if (notShown.includes(`${relative}:${line}`)) continue;
      for (const text of match[2]!.startsWith('`') ? fillings(literal) : [literal]) found.push({ where: `${relative}:${line}`, text });
    }
  }
  return found;
}

describe('system-written texts have their English', () => {
  const texts = writtenTexts();

  it('finds the summaries and notes the server writes', () => {
    expect(texts.length).toBeGreaterThan(100);
  });

  it('puts every one of them into English, with no Chinese left but the names they quote', () => {
    const missing = texts.filter(({ text }) => {
      if (!hasEnglishSystemText(text)) return true;
      const english = systemText(text, 'en-US').split(sampleName).join('');
      return /[\u4e00-\u9fff]/.test(english);
    });
    expect(missing.map(({ where, text }) => `${where} ${text} → ${systemText(text, 'en-US')}`)).toEqual([]);
  });
});

import { baseTextConfig, type ReplyCheck } from '@manyi/text';
import type { checkResult, storedFinding } from '@manyi/contracts/text-qa';
import type { Label } from '@manyi/core';
import type { z } from 'zod';
import type { FindingRow, QaTextRow } from './repository';

const redLineNames = new Map(baseTextConfig.redLines.map((line) => [line.code, line.labels]));

export function presentCheck(check: ReplyCheck, score: number): z.output<typeof checkResult> {
  return {
    findings: check.findings.map((finding) => ({
      ruleId: finding.ruleId,
      redLine: finding.redLine,
      redLineName: redLineNames.get(finding.redLine) ?? finding.labels,
      start: finding.start,
      end: finding.end,
      excerpt: finding.excerpt,
      why: finding.why,
      severity: finding.severity,
      autoFail: finding.autoFail,
    })),
    autoFail: check.autoFail,
    score,
    warmth: check.warmth,
    rewrite: check.rewrite ? { text: check.rewrite.text, facts: check.rewrite.facts } : null,
    notices: check.notices.map((notice) => ({ code: notice.code, messages: notice.messages })),
  };
}

export function presentFinding(row: FindingRow & { text: QaTextRow; authorName: string | null }): z.output<typeof storedFinding> {
  return {
    id: row.id,
    textId: row.textId,
    sourceType: row.text.sourceType as z.output<typeof storedFinding>['sourceType'],
    ticketId: row.text.ticketId,
    authorName: row.authorName,
    body: row.text.body,
    ruleId: row.ruleId,
    redLine: row.redLine as z.output<typeof storedFinding>['redLine'],
    start: row.start,
    end: row.end,
    excerpt: row.excerpt,
    why: row.why as Label,
    severity: row.severity,
    autoFail: row.autoFail,
    rewrite: row.rewrite,
    status: row.status as z.output<typeof storedFinding>['status'],
    reviewNote: row.reviewNote,
    reviewedAt: row.reviewedAt,
    createdAt: row.createdAt,
  };
}

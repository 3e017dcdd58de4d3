/**
 * The automatic QA score of one owner-facing text, 0–100, as contact-centre QA tools (Zendesk QA, MaestroQA)
 * auto-score every conversation. Seed 001 (服务技巧篇) treats the five red lines as the floor and the warmth
 * and pleasure techniques as what lifts a reply, so:
 * - an auto-fail red line scores 0, whatever else the text does;
 * - otherwise 70 for a correct, neutral reply, plus 0.3 × the warmth score (0–100, qa/warmth.ts), minus 40 / 25 / 10
 *   per high / medium / low finding; clamped to 0–100.
 */
import { type ReplyCheck } from './check-reply';

const penalty = { high: 40, medium: 25, low: 10 } as const;

export function qaScore(check: Pick<ReplyCheck, 'autoFail' | 'findings' | 'warmth'>): number {
  if (check.autoFail) return 0;
  const lost = check.findings.reduce((sum, finding) => sum + penalty[finding.severity], 0);
  return Math.max(0, Math.min(100, Math.round(70 + 0.3 * check.warmth.score - lost)));
}

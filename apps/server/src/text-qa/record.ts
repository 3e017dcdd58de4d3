/**
 * The one call every service makes when it saves a staff-authored text an owner will see (an owner-visible
 * ticket update, a return-visit remark, a notice, a canned reply, a script, a homework answer): the red-line QA
 * of @manyi/text with the company's rules, stored in the caller's transaction as a scored text and its findings.
 */
import { checkReply, qaScore, type ReplyCheck } from '@manyi/text';
import type { Executor } from '@manyi/db';
import type { Context } from '../http/context';
import { companyTextConfig } from './config';
import { authorPost, counterExamples, insertFindings, insertQaText } from './repository';
import { companySampling, inSample, rateFor } from './sampling';

export type StaffText = {
  sourceType: 'ticket_update' | 'visit_remark' | 'notice' | 'canned_reply' | 'script' | 'homework';
  sourceId: string;
  text: string;
  ticketId?: string | null;
  projectId?: string | null;
};

/** The engine's check minus the findings a reviewer rejected before (same rule, same words). */
export async function checkWithCompanyRules(db: Executor, tenantId: string, text: string): Promise<ReplyCheck> {
  const [config, rejected] = await Promise.all([companyTextConfig(db, tenantId), counterExamples(db, tenantId)]);
  const check = checkReply(text, config);
  if (rejected.length === 0 || check.findings.length === 0) return check;
  const counter = new Set(rejected.map((item) => `${item.ruleId}\u0000${item.excerpt}`));
  const findings = check.findings.filter((finding) => !counter.has(`${finding.ruleId}\u0000${finding.excerpt}`));
  if (findings.length === check.findings.length) return check;
  return {
    ...check,
    findings,
    redLines: check.redLines.filter((code) => findings.some((finding) => finding.redLine === code)),
    autoFail: findings.some((finding) => finding.autoFail),
  };
}

export async function recordStaffText(tx: Executor, context: Context, input: StaffText): Promise<{ score: number; check: ReplyCheck }> {
  const tenantId = context.principal.tenantId;
  const check = await checkWithCompanyRules(tx, tenantId, input.text);
  const score = qaScore(check);
  const staffId = context.principal.staffId;
  // The company's sample rate for this author (own, team's or the company's); auto-failed texts and homework always go.
  const rate = rateFor(await companySampling(tx, tenantId), { staffId, post: await authorPost(tx, tenantId, staffId) });
  const row = await insertQaText(tx, {
    tenantId,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    ticketId: input.ticketId ?? null,
    projectId: input.projectId ?? null,
    authorId: context.principal.staffId,
    body: input.text,
    score,
    warmth: check.warmth.score,
    autoFailed: check.autoFail,
    redLines: check.redLines,
    // Homework is always reviewed: a reviewer's comment is its point.
    sampled: input.sourceType === 'homework' || check.autoFail || inSample(`${input.sourceType}:${input.sourceId}:${input.text}`, rate),
    createdAt: context.clock.now(),
  });
  await insertFindings(
    tx,
    check.findings.map((finding) => ({
      tenantId,
      textId: row.id,
      ruleId: finding.ruleId,
      redLine: finding.redLine,
      start: finding.start,
      end: finding.end,
      excerpt: finding.excerpt,
      why: finding.why,
      severity: finding.severity,
      autoFail: finding.autoFail,
      rewrite: check.rewrite?.text ?? null,
      createdAt: context.clock.now(),
    })),
  );
  return { score, check };
}

/**
 * The manual review sample (issue 17 §3), configurable per company: the staff member's own rate, else their team's
 * (post), else the company's default (one text in five unless changed). Stored under `textQaSampling` in
 * tenant_settings.data and kept per instance while the company's settings version stands.
 */
import { defaultQaSampling, qaSampling, type QaSampling } from '@manyi/contracts/text-qa';
import type { Executor } from '@manyi/db';
import { readSettingsData } from '../company-settings/repository';
import { versionedCache } from '../company-version/cache';

export async function readSampling(db: Executor, tenantId: string): Promise<QaSampling> {
  const parsed = qaSampling.safeParse((await readSettingsData(db, tenantId))?.textQaSampling);
  return parsed.success ? parsed.data : defaultQaSampling;
}

export const companySampling = versionedCache(readSampling);

/** The rate that applies to one author. */
export function rateFor(sampling: QaSampling, author: { staffId: string | null; post: string | null }): number {
  if (author.staffId && sampling.byStaff[author.staffId] !== undefined) return sampling.byStaff[author.staffId]!;
  if (author.post && sampling.byPost[author.post] !== undefined) return sampling.byPost[author.post]!;
  return sampling.defaultRate;
}

/** Stable for a given key (the same text is always in or out of the sample at a given rate). */
export function inSample(key: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (hash % 1000) / 1000 < rate;
}

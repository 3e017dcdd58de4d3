import { allocateProportionally, sampleSizeForProportion } from '@manyi/core';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { PlanView, SamplingInput } from '@manyi/contracts/campaigns';

/** One eligible household, with the stratum it falls in under the campaign's stratification. */
export type Candidate = { id: string; projectId: string; buildingId: string };
export type StratumInfo = { id: string; name: string };

/** The stratum id of the whole population in a simple random sample (one stratum). */
export const wholePopulation = 'all';

/** Census plans are reported per project; a simple random sample is one stratum; stratified ones by project or building. */
const stratumOf = (sampling: SamplingInput, candidate: Candidate): string => {
  if (sampling.kind === 'simple') return wholePopulation;
  return sampling.kind === 'stratified' && sampling.by === 'building' ? candidate.buildingId : candidate.projectId;
};

/**
 * The sampling plan for an eligible population (pure):
 * - census: everyone, n = N;
 * - simple random: n from sampleSizeForProportion (Cochran 1977 eqs. 4.1–4.2, with the finite
 *   population correction, DESIGN §4), drawn from the whole population as one stratum;
 * - stratified: the same n, allocated to projects or buildings in proportion to their size
 *   (allocateProportionally, Cochran §5.5), so the parts sum to n exactly.
 * Invitations per stratum are ⌈n_h ÷ expected response rate⌉, never more than N_h.
 */
export function computePlan(sampling: SamplingInput, candidates: readonly Candidate[], names: ReadonlyMap<string, string>, matched: number): PlanView {
  const groups = new Map<string, number>();
  for (const candidate of candidates) {
    const key = stratumOf(sampling, candidate);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const strataInput = [...groups.entries()]
    .map(([id, population]) => ({ id, population, name: names.get(id) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }) || a.id.localeCompare(b.id));
  const population = candidates.length;
  const common = { matched, excludedByContact: matched - population, population };
  if (sampling.kind === 'census') {
    return {
      kind: 'census',
      by: null,
      marginOfError: null,
      confidence: null,
      expectedResponseRate: null,
      seed: null,
      ...common,
      sampleWithoutCorrection: null,
      sampleSize: population,
      invitations: population,
      strata: strataInput.map((stratum) => ({ ...stratum, sample: stratum.population, invite: stratum.population })),
    };
  }
  const size =
    population === 0
      ? { withoutCorrection: 0, required: 0 }
      : sampleSizeForProportion({ marginOfError: sampling.marginOfError, confidence: sampling.confidence, population });
  const allocation = allocateProportionally(size.required, strataInput);
  const strata = allocation.map((stratum, index) => ({
    id: stratum.id,
    name: strataInput[index]!.name,
    population: stratum.population,
    sample: stratum.sample,
    invite: Math.min(stratum.population, Math.ceil(stratum.sample / sampling.expectedResponseRate - 1e-9)),
  }));
  return {
    kind: sampling.kind,
    by: sampling.kind === 'stratified' ? sampling.by : null,
    marginOfError: sampling.marginOfError,
    confidence: sampling.confidence,
    expectedResponseRate: sampling.expectedResponseRate,
    seed: sampling.seed ?? null,
    ...common,
    sampleWithoutCorrection: size.withoutCorrection,
    sampleSize: size.required,
    invitations: strata.reduce((sum, stratum) => sum + stratum.invite, 0),
    strata,
  };
}

/**
 * Draws the households to invite: within each stratum of the plan, `invite` households chosen
 * uniformly without replacement by a partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2, §3.4.2,
 * Algorithm P) driven by xoroshiro128+ seeded with the plan's seed. Candidates are put in id
 * order first and strata are visited in id order, so the same seed over the same
 * population always yields the same households, whatever order the database returned them in.
 */
export function drawSample(sampling: SamplingInput, plan: PlanView, candidates: readonly Candidate[]): Candidate[] {
  if (plan.kind === 'census') return [...candidates];
  const random = xoroshiro128plus(plan.seed ?? 0);
  const byStratum = new Map<string, Candidate[]>();
  for (const candidate of [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = stratumOf(sampling, candidate);
    const pool = byStratum.get(key);
    if (pool) pool.push(candidate);
    else byStratum.set(key, [candidate]);
  }
  const chosen: Candidate[] = [];
  // Strata in id order, not the plan's name order, so renaming a building does not change the draw.
  for (const stratum of [...plan.strata].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const pool = byStratum.get(stratum.id) ?? [];
    for (let index = 0; index < stratum.invite && index < pool.length; index += 1) {
      const pick = uniformInt(random, index, pool.length - 1);
      [pool[index], pool[pick]] = [pool[pick]!, pool[index]!];
      chosen.push(pool[index]!);
    }
  }
  return chosen;
}

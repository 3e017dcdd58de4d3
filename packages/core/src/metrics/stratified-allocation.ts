/**
 * Proportional allocation of a sample across strata (projects, buildings, posts…):
 * n_h = n·N_h/N (Cochran, Sampling Techniques, 3rd ed., 1977, §5.5), with the fractional quotas
 * rounded by the largest-remainder (Hamilton) method so that the parts sum exactly to n: every
 * stratum gets ⌊n_h⌋, then the strata with the largest fractional parts get one more each until
 * n is reached. Ties on the remainder go to the larger stratum, then to the earlier one in the
 * input, so the result is deterministic. Since n ≤ N, no stratum is asked for more than it has.
 */
export type Stratum = { id: string; population: number };

export type StratumAllocation = Stratum & {
  /** The unrounded proportional quota n·N_h/N. */
  quota: number;
  sample: number;
};

export function allocateProportionally(sampleSize: number, strata: readonly Stratum[]): StratumAllocation[] {
  if (!Number.isInteger(sampleSize) || sampleSize < 0) throw new RangeError('sampleSize must be a non-negative whole number');
  if (strata.some((stratum) => !Number.isInteger(stratum.population) || stratum.population < 0)) {
    throw new RangeError('stratum populations must be non-negative whole numbers');
  }
  const total = strata.reduce((sum, stratum) => sum + stratum.population, 0);
  if (sampleSize > total) throw new RangeError(`cannot draw ${sampleSize} from a population of ${total}`);
  if (total === 0) return strata.map((stratum) => ({ ...stratum, quota: 0, sample: 0 }));

  // Integer arithmetic for the floor and the remainder avoids float error deciding a tie.
  const allocations = strata.map((stratum) => ({
    ...stratum,
    quota: (sampleSize * stratum.population) / total,
    sample: Math.floor((sampleSize * stratum.population) / total),
    remainder: (sampleSize * stratum.population) % total,
  }));
  let left = sampleSize - allocations.reduce((sum, allocation) => sum + allocation.sample, 0);
  const order = allocations
    .map((allocation, index) => ({ allocation, index }))
    .sort((a, b) => b.allocation.remainder - a.allocation.remainder || b.allocation.population - a.allocation.population || a.index - b.index);
  for (const { allocation } of order) {
    if (left === 0) break;
    allocation.sample += 1;
    left -= 1;
  }
  return allocations.map(({ id, population, quota, sample }) => ({ id, population, quota, sample }));
}

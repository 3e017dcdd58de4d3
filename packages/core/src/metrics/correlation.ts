import { sum } from './answers';

/**
 * Pearson's product-moment correlation r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)²·Σ(y − ȳ)²) over the
 * pairs where both values are present (pairwise deletion, the usual choice for derived
 * importance because each attribute keeps every owner who rated it and the overall question).
 * Returns null with fewer than 2 pairs or when either side has no variance, where r is undefined.
 */
export type Correlation = { r: number | null; pairs: number };

export function pearsonCorrelation(first: readonly (number | null)[], second: readonly (number | null)[]): Correlation {
  if (first.length !== second.length) throw new RangeError('both series must have one entry per respondent');
  const xs: number[] = [];
  const ys: number[] = [];
  first.forEach((x, index) => {
    const y = second[index];
    if (x !== null && y !== null && y !== undefined) {
      xs.push(x);
      ys.push(y);
    }
  });
  const pairs = xs.length;
  if (pairs < 2) return { r: null, pairs };
  const meanX = sum(xs) / pairs;
  const meanY = sum(ys) / pairs;
  let crossProducts = 0;
  let squaresX = 0;
  let squaresY = 0;
  xs.forEach((x, index) => {
    const dx = x - meanX;
    const dy = (ys[index] ?? 0) - meanY;
    crossProducts += dx * dy;
    squaresX += dx * dx;
    squaresY += dy * dy;
  });
  if (squaresX === 0 || squaresY === 0) return { r: null, pairs };
  return { r: crossProducts / Math.sqrt(squaresX * squaresY), pairs };
}

/** Sums over the pairs where both values are present, enough for r and addable across groups. */
export type PairMoments = { pairs: number; sumX: number; sumY: number; sumXX: number; sumYY: number; sumXY: number };

/**
 * Pearson's r from pair moments: r = (nΣxy − ΣxΣy)/√((nΣx² − (Σx)²)(nΣy² − (Σy)²)), algebraically
 * the formula above; null with fewer than 2 pairs or no variance on either side. The variance test
 * allows for rounding (relative 1e-12), since moments of integer ratings are exact but their
 * differences may not be.
 */
export function pearsonCorrelationFromMoments(moments: PairMoments): Correlation {
  const { pairs, sumX, sumY, sumXX, sumYY, sumXY } = moments;
  if (pairs < 2) return { r: null, pairs };
  const spreadX = pairs * sumXX - sumX * sumX;
  const spreadY = pairs * sumYY - sumY * sumY;
  if (spreadX <= 1e-12 * pairs * sumXX || spreadY <= 1e-12 * pairs * sumYY) return { r: null, pairs };
  return { r: (pairs * sumXY - sumX * sumY) / Math.sqrt(spreadX * spreadY), pairs };
}

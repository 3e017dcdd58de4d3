/**
 * The few probability distributions the metrics need: the standard normal (confidence levels,
 * z-tests), Student's t (regression coefficients) and Fisher's F (the regression as a whole).
 *
 * Written here rather than taken from a statistics package because the whole set is a few
 * dozen lines of well-known numerical recipes, it must run unchanged in the browser, and every
 * function is tested against tabulated values to at least 9 significant digits.
 *
 * Sources: Lanczos log-gamma (g = 7, 9 coefficients) and the continued fractions for the
 * incomplete gamma and beta functions with the modified Lentz method, as in Press, Teukolsky,
 * Vetterling & Flannery, Numerical Recipes (3rd ed., 2007), §6.1, §6.2, §6.4; the normal
 * quantile by Acklam's rational approximation (2003, relative error < 1.15e-9) followed by one
 * Halley step against the exact CDF, which brings it to full double precision.
 */

const lanczosCoefficients = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, reflection formula below 0.5). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = lanczosCoefficients[0] ?? 0;
  for (let index = 1; index < lanczosCoefficients.length; index += 1) {
    sum += (lanczosCoefficients[index] ?? 0) / (shifted + index);
  }
  const base = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(base) - base + Math.log(sum);
}

const epsilon = 1e-16;
const tiny = 1e-300;
const maximumIterations = 10_000;

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a). The series converges fast below
 * x < a + 1 and the continued fraction above it, so each is used only where it is quick.
 */
export function regularisedUpperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let step = 1; step < maximumIterations; step += 1) {
      term *= x / (a + step);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * epsilon) break;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let fraction = d;
  for (let step = 1; step < maximumIterations; step += 1) {
    const an = -step * (step - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return Math.exp(logPrefix) * fraction;
}

/** Continued fraction for the incomplete beta function (Numerical Recipes `betacf`). */
function incompleteBetaFraction(a: number, b: number, x: number): number {
  const sumAB = a + b;
  const aPlusOne = a + 1;
  const aMinusOne = a - 1;
  let c = 1;
  let d = 1 - (sumAB * x) / aPlusOne;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= maximumIterations; m += 1) {
    const twoM = 2 * m;
    let numerator = (m * (b - m) * x) / ((aMinusOne + twoM) * (a + twoM));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    fraction *= d * c;
    numerator = (-(a + m) * (sumAB + m) * x) / ((a + twoM) * (aPlusOne + twoM));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return fraction;
}

/** Regularised incomplete beta I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularisedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logPrefix = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  // The fraction converges quickly only on one side of the mean; use the symmetry
  // I_x(a, b) = 1 − I_{1−x}(b, a) on the other.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logPrefix) * incompleteBetaFraction(a, b, x)) / a;
  return 1 - (Math.exp(logPrefix) * incompleteBetaFraction(b, a, 1 - x)) / b;
}

/** Φ(x), the standard normal CDF: Φ(x) = ½·erfc(−x/√2) and erfc(y) = Q(½, y²) for y ≥ 0. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const upperTail = 0.5 * regularisedUpperGamma(0.5, (x * x) / 2);
  return x >= 0 ? 1 - upperTail : upperTail;
}

/** Two-sided p-value of a z statistic: 2·(1 − Φ(|z|)), computed from the tail to keep precision. */
export function normalTwoSidedPValue(z: number): number {
  return regularisedUpperGamma(0.5, (z * z) / 2);
}

const acklamA = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const acklamB = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const acklamC = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const acklamD = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((accumulator, coefficient) => accumulator * x + coefficient, 0);
}

/** Φ⁻¹(p), the standard normal quantile, for 0 < p < 1. */
export function normalQuantile(probability: number): number {
  if (!(probability > 0 && probability < 1)) {
    if (probability === 0) return Number.NEGATIVE_INFINITY;
    if (probability === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  const lowBreak = 0.02425;
  let x: number;
  if (probability < lowBreak || probability > 1 - lowBreak) {
    const tail = probability < lowBreak ? probability : 1 - probability;
    const q = Math.sqrt(-2 * Math.log(tail));
    const value = polynomial(acklamC, q) / (polynomial(acklamD, q) * q + 1);
    x = probability < lowBreak ? value : -value;
  } else {
    const q = probability - 0.5;
    const r = q * q;
    x = (polynomial(acklamA, r) * q) / (polynomial(acklamB, r) * r + 1);
  }
  // One Halley step on Φ(x) − p = 0 (Acklam's refinement).
  const error = normalCdf(x) - probability;
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * The two-sided critical value z for a confidence level: z = Φ⁻¹(1 − (1 − confidence)/2),
 * e.g. 1.959964 for 95 %. Throws for a level outside (0, 1) because every caller would
 * otherwise produce a silent NaN.
 */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  return normalQuantile(1 - (1 - confidence) / 2);
}

/** Two-sided p-value of Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, ½). */
export function studentTTwoSidedPValue(t: number, degreesOfFreedom: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? Number.NaN : 0;
  return regularisedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
}

/** P(F > f) for Fisher's F with (d1, d2) degrees of freedom: I_{d2/(d2+d1·f)}(d2/2, d1/2). */
export function fisherFUpperTailPValue(f: number, numeratorDegrees: number, denominatorDegrees: number): number {
  if (f <= 0) return 1;
  if (!Number.isFinite(f)) return Number.isNaN(f) ? Number.NaN : 0;
  return regularisedIncompleteBeta(denominatorDegrees / (denominatorDegrees + numeratorDegrees * f), denominatorDegrees / 2, numeratorDegrees / 2);
}

// How big each synthetic article is. The real collection this project is built for has a
// median of 24 KB, a 90th percentile of 87 KB, a 99th of 208 KB and a largest note of 1.1 MB:
// a log-normal with μ = ln 24000 and σ ≈ 1.0, capped at 1.1 MB.
import type { Rng } from "./prng.ts";

export type SizeProfileName = "realistic" | "small";

export interface SizeProfile {
  /** Median size of a whole file, front matter included, in UTF-8 bytes. */
  median: number;
  sigma: number;
  /** No file is larger. */
  max: number;
  /** No file is smaller: front matter and one paragraph. */
  min: number;
}

export const SIZE_PROFILES: Record<SizeProfileName, SizeProfile> = {
  realistic: { median: 24_000, sigma: 1.0, max: 1_100_000, min: 1_500 },
  small: { median: 6_000, sigma: 0.1, max: 8_000, min: 4_500 },
};

/** Φ⁻¹, the standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile(${p}): p must be in (0, 1)`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * Target sizes for n files, in a shuffled order. Stratified rather than drawn independently:
 * file k gets a size from the k-th of n equal slices of the distribution, so even a small
 * corpus has the distribution's median and tail, and the largest file of a 10,000-file corpus
 * is at the cap (the top slice's midpoint, 1.17 MB, capped to 1.1 MB) instead of a lucky draw.
 */
export function planSizes(n: number, profile: SizeProfile, rng: Rng): number[] {
  const mu = Math.log(profile.median);
  const sizes: number[] = [];
  for (let k = 0; k < n; k++) {
    // The top slice takes its midpoint: jitter there would move the largest file by 30%.
    const u = (k + (k === n - 1 ? 0.5 : rng.next())) / n;
    const bytes = Math.exp(mu + profile.sigma * normalQuantile(Math.min(Math.max(u, 1e-12), 1 - 1e-12)));
    sizes.push(Math.round(Math.min(profile.max, Math.max(profile.min, bytes))));
  }
  // Fisher–Yates, so size does not follow date or file name.
  for (let i = sizes.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [sizes[i], sizes[j]] = [sizes[j]!, sizes[i]!];
  }
  return sizes;
}

/** The q-quantile (0–1) of numbers, by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Seeded pseudo-random numbers and the distributions the generator draws from. Everything random
// in the generator comes from here: no Math.random, so one seed always gives the same bytes.
// The generator is sfc32 (small, fast, passes PractRand) seeded through splitmix32; each part of
// the model gets its own named stream so that changing one part does not reshuffle the others.

/** A uniform draw in [0, 1). */
export type Rng = () => number;

const TWO_32 = 4294967296;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a label, to derive independent streams from one seed. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A stream of uniforms for (seed, label). The seed may be any non-negative safe integer: its low
 * and high 32 bits both enter the state.
 */
export function createRng(seed: number, label: string): Rng {
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_32) >>> 0;
  const mix = splitmix32(low ^ Math.imul(high, 0x27d4eb2d) ^ hashLabel(label));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix() | 1;
  const next: Rng = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / TWO_32;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

/** Integer in [0, n). */
export const below = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** Integer in [lo, hi] (both included). */
export const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

export const chance = (rng: Rng, p: number): boolean => rng() < p;

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Standard normal (Box–Muller; the second value is dropped to keep the function stateless). */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log stays finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** exp(N(ln(median), sigma²)). */
export const lognormal = (rng: Rng, median: number, sigma: number): number =>
  median * Math.exp(sigma * normal(rng));

export const exponential = (rng: Rng, mean: number): number => -mean * Math.log(1 - rng());

/** Gamma(shape, 1) by Marsaglia–Tsang (shape ≥ 1 here: counts of ingredients). */
export function gamma(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rng);
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = rng();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Poisson by inversion (small means only: extra tags, review sentences). */
export function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

/** Fisher–Yates, in place. */
export function shuffle<T extends { length: number; [i: number]: unknown }>(rng: Rng, items: T): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/** A sampler of indices with probabilities proportional to weights, O(1) per draw (Vose's alias method). */
export type Sampler = (rng: Rng) => number;

export function aliasSampler(weights: ArrayLike<number>): Sampler {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  if (!(n > 0 && total > 0)) throw new Error("aliasSampler needs at least one positive weight");
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i] * n) / total;
    (scaled[i] < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1; // rounding leftovers
  return (rng) => {
    const x = rng() * n;
    const i = Math.floor(x);
    return x - i < prob[i] ? i : alias[i];
  };
}

/**
 * Split `total` into integer counts proportional to `weights`, summing exactly to `total`; each
 * count is the floor or the ceiling of its expected share (systematic sampling with one random
 * offset). Used for popularity: how many interactions each recipe gets, how many each user writes.
 */
export function allocate(rng: Rng, weights: ArrayLike<number>, total: number): Int32Array {
  const n = weights.length;
  const counts = new Int32Array(n);
  if (n === 0 || total <= 0) return counts;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  const step = sum / total;
  const offset = rng() * step;
  let cumulative = 0;
  let before = Math.floor((0 - offset) / step);
  let assigned = 0;
  let heaviest = 0;
  for (let i = 0; i < n; i++) {
    cumulative += weights[i];
    const after = Math.floor((cumulative - offset) / step);
    counts[i] = after - before;
    assigned += counts[i];
    before = after;
    if (weights[i] > weights[heaviest]) heaviest = i;
  }
  // Floating-point sums can miss by one at the very end; the heaviest item absorbs it.
  counts[heaviest] += total - assigned;
  return counts;
}

/** Split an integer total across buckets by weight, deterministically (largest remainder). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]]++;
  return counts;
}

// Reviews: how many each recipe gets (long-tailed popularity times how long it has been online),
// the rating (72 % fives … 5 % zeros, "review without rating"; better recipes get more fives,
// summer slightly more than winter) and the review text assembled from phrase lists.
import { allocate, below, chance, lognormal, normal, pick, type Rng } from "./random.js";
import { fill, type Compiled } from "./vocab-text.js";
import { HANDLES, REVIEW_CLOSERS, REVIEW_DETAILS, REVIEW_OPENERS } from "./vocab-reviews.js";

/**
 * Reviews per recipe: 1 + a share of the rest proportional to popularity, where popularity =
 * lognormal(σ 1.35) · e^(0.3·quality) · exposure^0.9, and 0.2 % of recipes are hits (×10).
 */
export function drawPopularity(
  rng: Rng,
  exposure: Float64Array,
  quality: Float32Array,
  total: number,
): Int32Array {
  const n = exposure.length;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let w = lognormal(rng, 1, 1.35) * Math.exp(0.3 * quality[i]) * Math.pow(exposure[i], 0.9);
    if (chance(rng, 0.002)) w *= 10;
    weights[i] = w;
  }
  const counts = allocate(rng, weights, total - n);
  for (let i = 0; i < n; i++) counts[i] += 1;
  return counts;
}

/** Recipe quality: a latent N(0, 1) that tilts its ratings. */
export const drawQuality = (rng: Rng): number => normal(rng);

/** Share of reviews without a rating (rating 0). */
const UNRATED = 0.05;
/** Shares of ratings 1–5 among rated reviews, before the quality tilt (calibrated so the overall shares land on 1.3 / 1.2 / 4 / 17 / 72 %). */
const BASE = [0.0138, 0.0126, 0.042, 0.1865, 0.75] as const;

/** Rating 0–5 for a recipe of this quality, in this season (0 winter … 3 autumn) and year. */
export function drawRating(rng: Rng, quality: number, season: number, year: number): number {
  if (chance(rng, UNRATED)) return 0;
  const up = Math.exp(
    0.35 * quality + (season === 2 ? 0.03 : season === 0 ? -0.03 : 0) + 0.003 * (year - 2008),
  );
  const down = 1 / up;
  const w1 = BASE[0] * down;
  const w2 = BASE[1] * down;
  const w3 = BASE[2] * down;
  const w4 = BASE[3];
  const w5 = BASE[4] * up;
  const u = rng() * (w1 + w2 + w3 + w4 + w5);
  if (u < w5) return 5;
  if (u < w5 + w4) return 4;
  if (u < w5 + w4 + w3) return 3;
  if (u < w5 + w4 + w3 + w2) return 2;
  return 1;
}

/** Share of reviews with no text at all (an empty field, as in a handful of real rows). */
const EMPTY_REVIEW = 0.0002;

export function drawReview(rng: Rng, rating: number, ingredient: string, other: string): string {
  if (chance(rng, EMPTY_REVIEW)) return "";
  let first = true;
  const slot = (name: string): string => {
    if (name === "ing") {
      const value = first ? ingredient : other;
      first = false;
      return value;
    }
    if (name === "ing2") return other;
    if (name === "name") return pick(rng, HANDLES);
    return name;
  };
  const parts: string[] = [fill(pick(rng, REVIEW_OPENERS[rating]), slot)];
  const details: Compiled[] | undefined =
    rating >= 4
      ? chance(rng, 0.85)
        ? REVIEW_DETAILS.good
        : REVIEW_DETAILS.neutral
      : rating === 3
        ? REVIEW_DETAILS.neutral
        : rating > 0
          ? REVIEW_DETAILS.bad
          : undefined;
  if (details && chance(rng, rating === 5 ? 0.55 : 0.65)) {
    const k = below(rng, details.length);
    parts.push(fill(details[k], slot));
    // A second detail, never the same sentence twice.
    if (chance(rng, 0.2))
      parts.push(fill(details[(k + 1 + below(rng, details.length - 1)) % details.length], slot));
  }
  if (chance(rng, rating >= 4 ? 0.45 : 0.15)) parts.push(fill(pick(rng, REVIEW_CLOSERS), slot));
  let text = parts[0];
  for (let i = 1; i < parts.length; i++) {
    const u = rng();
    // Real reviews break lines now and then (some with CRLF) and quote words.
    text += u < 0.03 ? "\n" : u < 0.035 ? "\r\n" : u < 0.04 ? "\n\n" : " ";
    text += parts[i];
  }
  if (chance(rng, 0.008)) text += ' I used "real" butter.';
  return text;
}

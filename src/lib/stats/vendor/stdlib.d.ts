// Types of the generated bundle stdlib.js (see data-loaders/vendor/stdlib-entry.ts).
export function tCdf(t: number, df: number): number;
export function tQuantile(p: number, df: number): number;
export function normalQuantile(p: number, mean: number, sd: number): number;
export function gammaln(x: number): number;
/** Incomplete gamma function of x ≥ 0, a > 0; regularized by default, lower tail unless `upper`. */
export function gammainc(x: number, a: number, regularized?: boolean, upper?: boolean): number;
/** Incomplete beta function of x ∈ [0, 1], a, b > 0; regularized by default, lower tail unless `upper`. */
export function betainc(x: number, a: number, b: number, regularized?: boolean, upper?: boolean): number;
/** Complementary error function 1 − erf(x), accurate in the far tail. */
export function erfc(x: number): number;

// Types of the generated bundle stdlib.js (see data-loaders/vendor/stdlib-entry.ts).
export function tCdf(t: number, df: number): number;
export function tQuantile(p: number, df: number): number;
export function normalQuantile(p: number, mean: number, sd: number): number;
export function gammaln(x: number): number;

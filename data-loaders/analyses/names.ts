// How analyses and pages are named (registry.ts explains the convention). A module of its own so
// that commands which only check names (the scaffold) do not discover every analysis.

/** Names of page folders and analysis files: lower-case words joined by hyphens. */
export const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `recipes-per-year` → `recipesPerYear`. */
export const camelKey = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `recipesPerYear` → `recipes-per-year` (the file of a key). */
export const kebabName = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// The built-in generator of Food.com-shaped data: writes RAW_recipes.csv and RAW_interactions.csv
// in the Kaggle format, with the real dump's sizes times a scale, realistic distributions and
// trends, and a few planted dirty rows. Same seed and scale → byte-identical files. The model is
// described in docs/generator.md; this module only sequences it and streams the rows out, then
// writes generated.json (version, scale, seed, digests) so the ingest can tell the data is synthetic.
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { StorageError } from "../errors.js";
import { validateOptions } from "./options.js";
import { drawPopulation } from "./population.js";
import { createProgress } from "./progress.js";
import { SIDECAR_FILE, writeSidecar, type Sidecar } from "./sidecar.js";
import { sizesFor, type DirtyKind } from "./sizes.js";
import { generatorVersion } from "./version.js";
import { writeInteractions } from "./write-interactions.js";
import { writeRecipes } from "./write-recipes.js";

export interface GenerateOptions {
  /** Share of the real dump's size, 0 < scale ≤ 1. */
  scale: number;
  /** Any non-negative integer. */
  seed: number;
  outDir: string;
  /** Rows written so far, of the total of both files. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  recipesPath: string;
  interactionsPath: string;
  /** generated.json: the generator's version, scale, seed and the files' digests. */
  sidecarPath: string;
  sidecar: Sidecar;
  /** Rows in RAW_recipes.csv (duplicates included). */
  recipes: number;
  /** Rows in RAW_interactions.csv (duplicates included). */
  interactions: number;
  /** Distinct user_id values in RAW_interactions.csv. */
  users: number;
  /** How many dirty rows of each kind were planted. */
  dirty: Record<DirtyKind, number>;
}

export const RECIPES_FILE = "RAW_recipes.csv";
export const INTERACTIONS_FILE = "RAW_interactions.csv";

export async function generateDataset(options: GenerateOptions): Promise<GenerateResult> {
  const { scale, seed } = validateOptions(options.scale, options.seed);
  const sizes = sizesFor(scale);
  const recipesPath = join(options.outDir, RECIPES_FILE);
  const interactionsPath = join(options.outDir, INTERACTIONS_FILE);
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (cause) {
    throw new StorageError(`Cannot create the output folder ${options.outDir}.`, { cause });
  }
  const population = drawPopulation(seed, sizes);
  const progress = createProgress(sizes.recipes + sizes.interactions, options.onProgress);
  let sidecar: Sidecar;
  let sidecarPath: string;
  try {
    // A sidecar from an earlier run must not vouch for files being rewritten.
    await rm(join(options.outDir, SIDECAR_FILE), { force: true });
    const recipes = await writeRecipes(recipesPath, seed, population, progress);
    const interactions = await writeInteractions(interactionsPath, seed, population, recipes.words, progress);
    sidecar = {
      generator: { version: generatorVersion(), scale, seed },
      files: [
        { name: RECIPES_FILE, ...recipes.written },
        { name: INTERACTIONS_FILE, ...interactions },
      ],
    };
    sidecarPath = await writeSidecar(options.outDir, sidecar);
  } catch (cause) {
    throw asStorageError(cause, options.outDir);
  }
  return {
    recipesPath,
    interactionsPath,
    sidecarPath,
    sidecar,
    recipes: sizes.recipes,
    interactions: sizes.interactions,
    users: sizes.users,
    dirty: sizes.dirty,
  };
}

/** File-system failures become a StorageError naming the folder; anything else passes through. */
function asStorageError(cause: unknown, outDir: string): unknown {
  if (cause instanceof Error && "code" in cause) {
    return new StorageError(
      `Cannot write the generated CSV files in ${outDir}: ${(cause as NodeJS.ErrnoException).code}.`,
      {
        hint: "Check the free space and permissions of the output folder.",
        cause,
      },
    );
  }
  return cause;
}

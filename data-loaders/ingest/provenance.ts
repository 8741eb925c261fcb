// Where a dataset's rows came from, recorded in its manifest so the site can say it. "generated"
// only when the generator's generated.json sits next to the given files and its digests are
// exactly theirs (the sha256 the ingest computed anyway); anything else is "files", with the
// optional --source-label (e.g. "Kaggle Food.com Recipes and Interactions").
import { dirname } from "node:path";
import type { Provenance } from "../../src/lib/contracts/manifest.js";
import { ConfigurationError } from "../errors.js";
import { readSidecar, SIDECAR_FILE } from "../generate/sidecar.js";
import { logger } from "../logger.js";
import { printable } from "../storage/dataset-id.js";

export const MAX_LABEL_CHARS = 200;

/** --source-label checked: printable text, at most MAX_LABEL_CHARS; blank → null. */
export function sourceLabel(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const label = raw.trim();
  if (label === "") return null;
  // eslint-disable-next-line no-control-regex
  if (label.length > MAX_LABEL_CHARS || /[\u0000-\u001f\u007f-\u009f]/.test(label)) {
    throw new ConfigurationError(
      `--source-label="${printable(raw)}" is not a label: at most ${MAX_LABEL_CHARS} characters, no control characters.`,
      { hint: 'For example --source-label "Kaggle Food.com Recipes and Interactions".' },
    );
  }
  return label;
}

export interface SourceFile {
  path: string;
  sha256: string;
}

export async function detectProvenance(sources: SourceFile[], label: string | null): Promise<Provenance> {
  const folders = [...new Set(sources.map((s) => dirname(s.path)))];
  for (const folder of folders) {
    const sidecar = await readSidecar(folder);
    if (!sidecar) continue;
    const vouched = new Set(sidecar.files.map((f) => f.sha256));
    if (sources.every((s) => vouched.has(s.sha256))) {
      if (label !== null) {
        logger.warn(
          `--source-label ignored: ${SIDECAR_FILE} in ${folder} shows the files are the generator's output.`,
        );
      }
      const { version, scale, seed } = sidecar.generator;
      return { kind: "generated", generator: { version, scale, seed } };
    }
    logger.warn(
      `${SIDECAR_FILE} in ${folder} does not match the given files (edited or replaced since they were generated): recorded as files.`,
    );
  }
  return { kind: "files", label };
}

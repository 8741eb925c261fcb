// Where a dataset came from, in a sentence of the reader's language: the generator's version,
// scale and seed for generated data, the source label (or the lack of one) for files. The footer
// and the Data & methods page say it with their own messages; the choice and the formats are here.
import type { Provenance } from "./contracts/manifest.js";
import { formatNumber } from "./format.js";
import { translator, type Lang, type MessageKey } from "./i18n/index.js";

export interface ProvenanceMessages {
  /** Placeholders {version}, {scale}, {seed}. */
  generated: MessageKey;
  /** Placeholder {label}. */
  labelled: MessageKey;
  unlabelled: MessageKey;
}

export function provenanceSentence(p: Provenance, lang: Lang, messages: ProvenanceMessages): string {
  const t = translator(lang);
  if (p.kind === "generated") {
    const { version, scale, seed } = p.generator;
    return t(messages.generated, { version, scale: formatNumber(scale, lang), seed: String(seed) });
  }
  return p.label ? t(messages.labelled, { label: p.label }) : t(messages.unlabelled);
}

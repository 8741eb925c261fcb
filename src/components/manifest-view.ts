// The dataset manifest (Data & methods page): identity and provenance of the snapshot, the date
// window of its cleaning, then its source files and its Parquet files with rows, sizes and SHA-256
// checksums.
import type { Manifest } from "../lib/contracts/manifest.js";
import { formatBytes, formatDate, formatDateTime, formatInteger } from "../lib/format.js";
import { provenanceSentence } from "../lib/provenance.js";
import type { Lang, Translate } from "../lib/i18n/index.js";
import { el } from "./dom.js";
import { dataTable } from "./table.js";

export function manifestFacts(manifest: Manifest, { lang, t }: { lang: Lang; t: Translate }): HTMLElement {
  const fact = (label: string, value: string | Node) => [el("dt", {}, label), el("dd", {}, value)];
  return el(
    "dl",
    { class: "facts" },
    fact(t("data.manifest.id"), el("code", {}, manifest.datasetId)),
    fact(t("data.manifest.created"), formatDateTime(manifest.createdAt, lang)),
    fact(t("data.manifest.schema"), String(manifest.schemaVersion)),
    fact(
      t("data.manifest.provenance"),
      el(
        "span",
        { "data-testid": "manifest-provenance" },
        provenanceSentence(manifest.provenance, lang, {
          generated: "data.manifest.generated",
          labelled: "data.manifest.fromFiles",
          unlabelled: "data.manifest.fromFilesUnlabelled",
        }),
      ),
    ),
    fact(
      t("data.manifest.window"),
      t("common.range", {
        from: formatDate(manifest.report.dateWindow.from, lang),
        to: formatDate(manifest.report.dateWindow.to, lang),
      }),
    ),
  );
}

export function manifestSources(manifest: Manifest, { lang, t }: { lang: Lang; t: Translate }): HTMLElement {
  return dataTable(
    manifest.sources,
    [
      { label: t("data.manifest.columns.name"), value: (d) => d.name },
      { label: t("data.manifest.columns.bytes"), numeric: true, value: (d) => formatBytes(d.bytes, lang) },
      { label: t("data.manifest.columns.sha256"), code: true, value: (d) => d.sha256 },
    ],
    { caption: t("data.manifest.sources") },
  );
}

export function manifestFiles(manifest: Manifest, { lang, t }: { lang: Lang; t: Translate }): HTMLElement {
  return dataTable(
    manifest.files,
    [
      { label: t("data.manifest.columns.file"), value: (d) => d.file },
      { label: t("data.manifest.columns.rows"), numeric: true, value: (d) => formatInteger(d.rows, lang) },
      { label: t("data.manifest.columns.bytes"), numeric: true, value: (d) => formatBytes(d.bytes, lang) },
      { label: t("data.manifest.columns.sha256"), code: true, value: (d) => d.sha256 },
    ],
    { caption: t("data.manifest.files") },
  );
}

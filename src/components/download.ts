// Save a file from the page: a Blob handed to the browser's download, and the CSV of plain rows
// (the cards' "Data (CSV)" buttons, the samples of set-aside rows on Data & methods). Every file
// leaves through downloadBlob, so this is where a download is recorded as a reader event (by its
// file name only; nothing is sent when the reader opted out or the browser refuses tracking).
import { toCsv } from "./csv.js";
import { el } from "./dom.js";
import { trackEvent } from "./events.js";

export function downloadBlob(blob: Blob, filename: string): void {
  trackEvent({ type: "download", file: filename });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(rows: readonly object[], filename: string): void {
  downloadBlob(new Blob([toCsv(rows)], { type: "text/csv" }), filename);
}

// The notebook's toolbar: add a cell, run all (stop while running), open an example, export and
// import a .sql file, copy a link that reproduces the notebook, and DuckDB's state.
import type { Lang, Translate } from "../../lib/i18n/index.js";
import { el, icon } from "../dom.js";

export interface ToolbarOptions {
  lang: Lang;
  t: Translate;
  examples: { id: string; title: string }[];
  onAdd(): void;
  onRunAll(): void;
  onExample(id: string): void;
  onExport(): void;
  onImport(text: string): void;
  onShare(): void;
}

export interface Toolbar {
  element: HTMLElement;
  setEngineStatus(text: string, kind: "running" | "done" | "error"): void;
  setRunningAll(running: boolean): void;
  setHasCells(has: boolean): void;
  showShared(url: string, copied: boolean): void;
}

const PLUS = ["M12 5v14", "M5 12h14"];
const PLAY = ["M5 4l9 8-9 8z", "M14 4l7 8-7 8"];
const STOP = ["M6 6h12v12H6z"];

export function toolbar({
  t,
  examples,
  onAdd,
  onRunAll,
  onExample,
  onExport,
  onImport,
  onShare,
}: ToolbarOptions): Toolbar {
  const button = (action: string, label: string, paths?: readonly string[], primary = false) =>
    el(
      "button",
      {
        type: "button",
        class: `explore-button${primary ? " explore-button--primary" : ""}`,
        "data-action": action,
      },
      paths ? icon(paths) : null,
      el("span", {}, label),
    );

  const add = button("add-cell", t("explore.toolbar.add"), PLUS);
  const runAll = button("run-all", t("explore.toolbar.runAll"), PLAY, true);
  const exportButton = button("export", t("explore.toolbar.export"));
  const importButton = button("import", t("explore.toolbar.import"));
  const share = button("share", t("explore.toolbar.share"));
  const file = el("input", {
    type: "file",
    accept: ".sql,text/plain,application/sql",
    hidden: true,
    "data-action": "import-file",
    "aria-hidden": "true",
    tabindex: -1,
  });
  const examplesSelect = el(
    "select",
    { id: "explore-examples", "data-action": "examples" },
    el("option", { value: "" }, t("explore.toolbar.examplesPick")),
    examples.map((e) => el("option", { value: e.id }, e.title)),
  );
  const engineStatus = el("p", {
    class: "explore-toolbar__engine",
    role: "status",
    "aria-live": "polite",
    "data-testid": "explore-engine",
  });
  const shared = el("div", { class: "explore-toolbar__shared", hidden: true });

  add.addEventListener("click", onAdd);
  runAll.addEventListener("click", onRunAll);
  exportButton.addEventListener("click", onExport);
  share.addEventListener("click", onShare);
  importButton.addEventListener("click", () => file.click());
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (f) onImport(await f.text());
    file.value = "";
  });
  examplesSelect.addEventListener("change", () => {
    if (examplesSelect.value) onExample(examplesSelect.value);
    examplesSelect.value = "";
  });

  const element = el(
    "div",
    { class: "explore-toolbar", role: "toolbar", "aria-label": t("explore.toolbar.label") },
    el("div", { class: "explore-toolbar__group" }, add, runAll),
    el(
      "label",
      { class: "explore-toolbar__examples", for: examplesSelect.id },
      el("span", {}, t("explore.toolbar.examples")),
      examplesSelect,
    ),
    el("div", { class: "explore-toolbar__group" }, exportButton, importButton, file, share),
    engineStatus,
    shared,
  );

  return {
    element,
    setEngineStatus(text, kind) {
      engineStatus.textContent = text;
      engineStatus.dataset.kind = kind;
    },
    setRunningAll(running) {
      runAll.replaceChildren(
        icon(running ? STOP : PLAY),
        el("span", {}, t(running ? "explore.toolbar.stop" : "explore.toolbar.runAll")),
      );
      runAll.dataset.running = String(running);
    },
    setHasCells(has) {
      runAll.disabled = !has;
      exportButton.disabled = !has;
      share.disabled = !has;
    },
    showShared(url, copied) {
      const input = el("input", {
        type: "text",
        readonly: true,
        value: url,
        "aria-label": t("explore.toolbar.link"),
        "data-testid": "explore-link",
      });
      shared.replaceChildren(
        el("span", { role: "status" }, t(copied ? "explore.toolbar.copied" : "explore.toolbar.copyHint")),
        input,
      );
      shared.hidden = false;
      if (!copied) input.select();
    },
  };
}

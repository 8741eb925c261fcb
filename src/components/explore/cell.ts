// One cell of the notebook on the page: its name (a SQL identifier, checked as typed), its SQL
// editor (a labelled textarea at once, CodeMirror when it has loaded), run/cancel, move, delete, a
// status line (loading progress, rows and time, or the error on the cell) and its result: a table
// and a chart. The cell only shows; the notebook controller (app.ts) decides and runs.
import type { Lang, Translate } from "../../lib/i18n/index.js";
import { el, icon } from "../dom.js";
import type { SqlEditor } from "./editor.js";
import { resultsTable, type ResultColumn } from "./results-table.js";

/** Plot comes with the first chart, not with the page: Explore's first load is the notebook alone. */
let chartModule: Promise<typeof import("./chart.js")> | undefined;
function loadChart() {
  chartModule ??= import("./chart.js").catch((error: unknown) => {
    chartModule = undefined; // the next result tries again
    throw error;
  });
  return chartModule;
}

export interface CellCallbacks {
  /** A name typed in the name field: the reason it cannot be used, or undefined once applied. */
  rename(name: string): string | undefined;
  edit(sql: string): void;
  run(): void;
  cancel(): void;
  move(delta: -1 | 1): void;
  remove(): void;
  downloadCsv(): void;
}

export interface CellResult {
  columns: readonly ResultColumn[];
  rows: readonly Record<string, unknown>[];
  rowCount: number;
}

export type StatusKind = "idle" | "running" | "done" | "error" | "stale";

export interface CellView {
  element: HTMLElement;
  setName(name: string): void;
  setRunning(running: boolean): void;
  setStatus(text: string, kind: StatusKind): void;
  setResult(result: CellResult | undefined): void;
  /** Replace the textarea by the editor (CodeMirror) once its module has loaded. */
  upgrade(create: (parent: HTMLElement, doc: string) => SqlEditor): void;
  setSchema(schema: Record<string, readonly string[]>): void;
  setSql(sql: string): void;
  focusEditor(): void;
  setPosition(index: number, count: number): void;
  destroy(): void;
}

const ICONS = {
  run: ["M6 4l14 8-14 8z"],
  stop: ["M6 6h12v12H6z"],
  up: ["M12 19V5", "M5 12l7-7 7 7"],
  down: ["M12 5v14", "M19 12l-7 7-7-7"],
  remove: ["M3 6h18", "M8 6V4h8v2", "M6 6l1 14h10l1-14"],
};

let counter = 0;

export function cellView(
  initial: { id: string; name: string; sql: string },
  { lang, t, callbacks }: { lang: Lang; t: Translate; callbacks: CellCallbacks },
): CellView {
  const uid = `explore-cell-${++counter}`;
  let name = initial.name;
  let editor: SqlEditor | undefined;
  /** The result on show: a chart that arrives after a newer result is dropped. */
  let shown: CellResult | undefined;

  const nameInput = el("input", {
    type: "text",
    id: `${uid}-name`,
    class: "explore-cell__name",
    value: name,
    spellcheck: "false",
    autocomplete: "off",
    "aria-describedby": `${uid}-name-error`,
  });
  const nameError = el("p", { id: `${uid}-name-error`, class: "explore-cell__name-error", role: "alert" });
  const applyName = () => {
    const problem = callbacks.rename(nameInput.value.trim());
    nameError.textContent = problem ?? "";
    nameInput.setAttribute("aria-invalid", problem ? "true" : "false");
    if (!problem) name = nameInput.value.trim();
  };
  nameInput.addEventListener("change", applyName);
  nameInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter") applyName();
    if (e.key === "Escape") {
      nameInput.value = name;
      nameError.textContent = "";
      nameInput.setAttribute("aria-invalid", "false");
    }
  });

  const button = (action: string, label: string, paths: readonly string[], extra = "") => {
    const b = el(
      "button",
      {
        type: "button",
        class: `icon-button explore-cell__${action} ${extra}`.trim(),
        "aria-label": label,
        title: label,
        "data-action": action,
      },
      icon(paths),
    );
    return b;
  };
  const runButton = el(
    "button",
    {
      type: "button",
      class: "explore-button explore-button--primary explore-cell__run",
      "data-action": "run",
      title: t("explore.cell.runHint"),
    },
    icon(ICONS.run),
    el("span", {}, t("explore.cell.run")),
  );
  runButton.addEventListener("click", () =>
    runButton.dataset.running === "true" ? callbacks.cancel() : callbacks.run(),
  );
  const up = button("up", t("explore.cell.up"), ICONS.up);
  const down = button("down", t("explore.cell.down"), ICONS.down);
  const remove = button("remove", t("explore.cell.remove"), ICONS.remove);
  up.addEventListener("click", () => callbacks.move(-1));
  down.addEventListener("click", () => callbacks.move(1));
  remove.addEventListener("click", () => callbacks.remove());

  const textarea = el("textarea", {
    id: `${uid}-sql`,
    class: "explore-cell__textarea",
    rows: 5,
    spellcheck: "false",
    "aria-label": t("explore.cell.sqlLabel", { name }),
    placeholder: t("explore.cell.placeholder"),
  });
  textarea.value = initial.sql;
  textarea.addEventListener("input", () => callbacks.edit(textarea.value));
  textarea.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey || e.shiftKey)) {
      e.preventDefault();
      callbacks.run();
    }
  });
  const editorBox = el("div", { class: "explore-cell__editor" }, textarea);

  const status = el("p", {
    class: "explore-cell__status",
    role: "status",
    "aria-live": "polite",
    "data-kind": "idle",
  });
  const output = el("div", { class: "explore-cell__output" });
  const position = el("span", { class: "explore-cell__position" });

  const element = el(
    "section",
    {
      class: "card explore-cell",
      "data-cell-id": initial.id,
      "data-cell-name": name,
      "aria-label": t("explore.cell.label", { name }),
    },
    el(
      "div",
      { class: "explore-cell__header" },
      el(
        "div",
        { class: "explore-cell__title" },
        position,
        el(
          "label",
          { id: `${uid}-name-label`, for: nameInput.id, class: "explore-cell__name-label" },
          t("explore.cell.name"),
        ),
        nameInput,
      ),
      el("div", { class: "explore-cell__actions" }, runButton, up, down, remove),
    ),
    nameError,
    editorBox,
    status,
    output,
  );

  return {
    element,
    setName(next) {
      name = next;
      nameInput.value = next;
      element.dataset.cellName = next;
      element.setAttribute("aria-label", t("explore.cell.label", { name: next }));
      const label = t("explore.cell.sqlLabel", { name: next });
      textarea.setAttribute("aria-label", label);
      editorBox.querySelector(".cm-content")?.setAttribute("aria-label", label);
    },
    setRunning(running) {
      runButton.dataset.running = String(running);
      runButton.replaceChildren(
        icon(running ? ICONS.stop : ICONS.run),
        el("span", {}, t(running ? "explore.cell.cancel" : "explore.cell.run")),
      );
      runButton.classList.toggle("is-running", running);
      element.classList.toggle("is-running", running);
      element.setAttribute("aria-busy", String(running));
    },
    setStatus(text, kind) {
      status.textContent = text;
      status.dataset.kind = kind;
    },
    setResult(result) {
      shown = result;
      if (!result) {
        output.replaceChildren();
        return;
      }
      const download = el(
        "button",
        { type: "button", class: "download-button", "data-action": "csv" },
        t("explore.cell.csv"),
      );
      download.addEventListener("click", () => callbacks.downloadCsv());
      const table = result.columns.length
        ? resultsTable(result, { lang, t, label: t("explore.table.label", { name }) })
        : null;
      const chart = result.columns.length
        ? el(
            "details",
            { class: "explore-cell__chart", open: true },
            el("summary", {}, t("explore.chart.title")),
          )
        : null;
      if (chart)
        loadChart().then(
          ({ chartPanel }) => {
            if (shown !== result) return;
            const panel = chartPanel(result.columns, result.rows, { lang, t, idPrefix: `${uid}-chart` });
            if (panel) chart.append(panel);
            else chart.remove(); // nothing to chart in these columns
          },
          (error: Error) => {
            if (shown === result)
              chart.append(
                el("p", { class: "muted" }, t("explore.chart.unavailable", { message: error.message })),
              );
          },
        );
      output.replaceChildren(
        ...[table, chart, el("div", { class: "explore-cell__downloads" }, download)].filter(
          (x): x is HTMLElement => x !== null,
        ),
      );
    },
    upgrade(create) {
      if (editor) return;
      const doc = textarea.value;
      const focused = document.activeElement === textarea;
      const host = el("div", { class: "explore-cell__cm", "data-editor": "codemirror" });
      editorBox.replaceChildren(host);
      editor = create(host, doc);
      if (focused) editor.focus();
    },
    setSchema(schema) {
      editor?.setSchema(schema);
    },
    setSql(sql) {
      if (editor) editor.setValue(sql);
      else textarea.value = sql;
    },
    focusEditor() {
      if (editor) editor.focus();
      else textarea.focus();
    },
    setPosition(index, count) {
      position.textContent = `[${index + 1}]`;
      up.disabled = index === 0;
      down.disabled = index === count - 1;
    },
    destroy() {
      editor?.destroy();
      element.remove();
    },
  };
}

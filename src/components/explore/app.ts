// The Explore page's notebook: state, persistence and running. The page shows at once with the
// notebook restored (the link's hash wins, else this browser's last notebook, else the empty state);
// DuckDB-Wasm (src/lib/explore/engine.ts) and CodeMirror (./editor.ts) are loaded with import()
// right after, in the background, so neither is in the page's first script and the first run
// does not wait for DuckDB to start. One query runs at a time (a queue); each cell's run can be
// cancelled. A cell is materialised as the table of its name, so later cells read it; before a
// cell runs, the cells it reads run first when their table is missing — never run, changed since,
// or lost because the engine restarted (its `generation` moved).
import type { Engine, LoadProgress, QueryResult } from "../../lib/explore/engine.js";
import { startEngineWorker } from "../../lib/explore/engine-boot.js";
import { prefetchTables as prefetchExtracts } from "../../lib/explore/engine-prefetch.js";
import { EXPLORE_TABLES } from "../../lib/explore/tables.js";
import { exampleNotebook, EXAMPLES, getExample } from "../../lib/explore/examples.js";
import {
  addCell,
  emptyNotebook,
  exportSql,
  importSql,
  moveCell,
  NotebookError,
  planCell,
  removeCell,
  renameCell,
  runOrder,
  setCellSql,
  type Cell,
  type CellPlan,
  type Notebook,
} from "../../lib/explore/notebook.js";
import { notebookHash, restoreNotebook, saveLocal, type StorageLike } from "../../lib/explore/share.js";
import { formatInteger, formatNumber } from "../../lib/format.js";
import type { Lang, MessageKey, Translate } from "../../lib/i18n/index.js";
import { el } from "../dom.js";
import { downloadBlob } from "../download.js";
import { cellView, type CellView } from "./cell.js";
import { emptyState } from "./empty.js";
import { injectStyle } from "./style.js";
import { toolbar } from "./toolbar.js";

interface RunRecord {
  /** The engine generation the cell's table was made in. */
  generation: number;
  /** The SQL it was made from. */
  sql: string;
}

function storage(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** "850 ms", "2.4 s". */
function duration(ms: number, lang: Lang): string {
  return ms < 1000 ? `${formatInteger(ms, lang)} ms` : `${formatNumber(ms / 1000, lang, 1)} s`;
}

/** "12.5 MB" of a byte count. */
function megabytes(bytes: number, lang: Lang): string {
  return formatNumber(bytes / 1e6, lang, 1);
}

export function exploreApp({ lang, t }: { lang: Lang; t: Translate }): HTMLElement {
  // First of all: the engine's worker starts compiling DuckDB-Wasm while the rest loads.
  startEngineWorker();
  injectStyle();
  let notebook: Notebook = emptyNotebook();
  const views = new Map<string, CellView>();
  const runs = new Map<string, RunRecord>();
  let queue: Promise<unknown> = Promise.resolve();
  let current: { cellId: string; controller: AbortController } | undefined;
  let runAllActive = false;
  let stopAll = false;

  const notice = el("div", { class: "explore-notice", role: "status", "aria-live": "polite", hidden: true });
  const cellsBox = el("div", { class: "explore-cells", "data-testid": "explore-cells" });
  const empty = emptyState({ lang, t, onExample: (id) => openExample(id), onAdd: () => add() });
  const bar = toolbar({
    lang,
    t,
    examples: EXAMPLES.map((e) => ({ id: e.id, title: t(`explore.examples.${e.id}.title`) })),
    onAdd: () => add(),
    onRunAll: () => (runAllActive ? cancelAll() : void runAll()),
    onExample: (id) => openExample(id),
    onExport: () => exportFile(),
    onImport: (text) => importFile(text),
    onShare: () => shareLink(),
  });
  const root = el(
    "div",
    { class: "explore", "data-testid": "explore" },
    bar.element,
    notice,
    empty,
    cellsBox,
  );

  // ------------------------------------------------------------------ engine and editor, lazily

  let engineModule: Promise<typeof import("../../lib/explore/engine.js")> | undefined;
  function loadEngineModule() {
    engineModule ??= import("../../lib/explore/engine.js").catch((error: unknown) => {
      engineModule = undefined;
      throw error;
    });
    return engineModule;
  }

  /** The tables the notebook's cells name start downloading now, while DuckDB starts. */
  function prefetchTables() {
    const statements = notebook.cells.map((c) => c.sql);
    if (statements.length > 0) prefetchExtracts(statements);
  }

  let engine: Promise<Engine> | undefined;
  function startEngine(): Promise<Engine> {
    if (!engine) {
      bar.setEngineStatus(t("explore.engine.starting"), "running");
      engine = loadEngineModule().then((m) => m.openEngine());
      engine.then(
        () => bar.setEngineStatus(t("explore.engine.ready"), "done"),
        (error: Error) => {
          bar.setEngineStatus(t("explore.engine.failed", { message: error.message }), "error");
          engine = undefined; // a later run tries again
        },
      );
      engine.finally(openEditorGate).catch(() => undefined);
    }
    return engine;
  }

  // CodeMirror (400 KB of script) loads once DuckDB has started, not while it starts: both want the
  // same CPU, and the first result is what a reader opening a link waits for. The textarea works
  // meanwhile (Ctrl/Cmd-Enter included), and going to edit a cell loads the editor at once.
  let openEditorGate = () => {};
  const editorGate = new Promise<void>((resolve) => (openEditorGate = resolve));
  let editorModule: Promise<typeof import("./editor.js")> | undefined;
  function loadEditor() {
    editorModule ??= editorGate.then(() => import("./editor.js"));
    return editorModule;
  }

  /** Completion: the dataset's tables with their columns, the cells' names, then what the engine knows. */
  let engineSchema: Record<string, readonly string[]> = {};
  function schema(): Record<string, readonly string[]> {
    const out: Record<string, readonly string[]> = {};
    for (const table of EXPLORE_TABLES) out[table.name] = table.columns.map((c) => c.name);
    for (const cell of notebook.cells) out[cell.name] = [];
    return { ...out, ...engineSchema };
  }
  async function refreshSchema(e: Engine) {
    try {
      const tables = await e.schema();
      engineSchema = Object.fromEntries(tables.map((x) => [x.name, x.columns.map((c) => c.name)]));
    } catch {
      // Completion keeps what it had.
    }
    const s = schema();
    for (const v of views.values()) v.setSchema(s);
  }

  function upgradeEditor(cell: Cell, view: CellView) {
    loadEditor().then(
      ({ createEditor }) =>
        view.upgrade((parent, doc) =>
          createEditor(parent, {
            doc,
            label: t("explore.cell.sqlLabel", { name: cell.name }),
            placeholder: t("explore.cell.placeholder"),
            schema: schema(),
            onChange: (sql) => edit(cell.id, sql),
            onRun: () => void run(cell.id),
          }),
        ),
      () => undefined, // the textarea stays: the notebook works without CodeMirror
    );
  }

  // ------------------------------------------------------------------ notebook state

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  function persist() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(async () => {
      saveLocal(notebook, storage());
      const hash = notebook.cells.length ? await notebookHash(notebook) : "";
      history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
    }, 250);
  }

  function showNotice(text: string, kind: "info" | "error" = "info") {
    notice.textContent = text;
    notice.dataset.kind = kind;
    notice.hidden = text === "";
  }

  function render() {
    empty.hidden = notebook.cells.length > 0;
    const ids = new Set(notebook.cells.map((c) => c.id));
    for (const [id, view] of views)
      if (!ids.has(id)) {
        view.destroy();
        views.delete(id);
        runs.delete(id);
      }
    notebook.cells.forEach((cell, i) => {
      let view = views.get(cell.id);
      if (!view) {
        view = makeView(cell);
        views.set(cell.id, view);
      }
      if (cellsBox.children[i] !== view.element)
        cellsBox.insertBefore(view.element, cellsBox.children[i] ?? null);
      view.setPosition(i, notebook.cells.length);
    });
    bar.setHasCells(notebook.cells.length > 0);
  }

  function setNotebook(next: Notebook, { save = true } = {}) {
    notebook = next;
    render();
    if (save) persist();
  }

  function makeView(cell: Cell): CellView {
    const view = cellView(cell, {
      lang,
      t,
      callbacks: {
        rename: (name) => rename(cell.id, name),
        edit: (sql) => edit(cell.id, sql),
        run: () => void run(cell.id),
        cancel: () => cancel(cell.id),
        move: (delta) => setNotebook(moveCell(notebook, cell.id, delta)),
        remove: () => {
          if (current?.cellId === cell.id) current.controller.abort();
          setNotebook(removeCell(notebook, cell.id));
        },
        downloadCsv: () => void downloadCsv(cell.id),
      },
    });
    upgradeEditor(cell, view);
    return view;
  }

  function message(error: unknown): string {
    if (error instanceof NotebookError) return t(`explore.errors.${error.code}` as MessageKey, error.params);
    return (error as Error)?.message ?? String(error);
  }

  function rename(id: string, name: string): string | undefined {
    try {
      setNotebook(renameCell(notebook, id, name));
    } catch (error) {
      return message(error);
    }
    const view = views.get(id);
    view?.setName(name);
    markStale(id);
    const s = schema();
    for (const v of views.values()) v.setSchema(s);
    return undefined;
  }

  function edit(id: string, sql: string) {
    notebook = setCellSql(notebook, id, sql);
    if (runs.has(id) && runs.get(id)!.sql !== sql) markStale(id);
    persist();
  }

  function markStale(id: string) {
    const view = views.get(id);
    if (runs.has(id) && view) view.setStatus(t("explore.status.stale"), "stale");
  }

  function add() {
    try {
      const last = notebook.cells.at(-1);
      const { notebook: next, cell } = addCell(notebook, {
        sql: last ? `SELECT *\nFROM ${last.name}\nLIMIT 100` : "SELECT *\nFROM recipes\nLIMIT 100",
      });
      setNotebook(next);
      views.get(cell.id)?.focusEditor();
      showNotice("");
    } catch (error) {
      showNotice(message(error), "error");
    }
  }

  function replaceNotebook(next: Notebook, note = "") {
    cancelAll();
    for (const v of views.values()) v.destroy();
    views.clear();
    runs.clear();
    setNotebook(next);
    showNotice(note);
    prefetchTables();
  }

  function openExample(id: string) {
    const example = getExample(id);
    if (!example) return;
    replaceNotebook(
      exampleNotebook(example, (cell) => t(`explore.examples.${example.id}.cells.${cell}` as MessageKey)),
      t("explore.examples.opened", { title: t(`explore.examples.${example.id}.title` as MessageKey) }),
    );
  }

  function exportFile() {
    downloadBlob(new Blob([exportSql(notebook)], { type: "application/sql" }), "explore-notebook.sql");
  }

  function importFile(text: string) {
    try {
      replaceNotebook(importSql(text), t("explore.toolbar.imported"));
    } catch (error) {
      showNotice(message(error), "error");
    }
  }

  async function shareLink() {
    const url = `${location.origin}${location.pathname}${location.search}${await notebookHash(notebook)}`;
    try {
      await navigator.clipboard.writeText(url);
      bar.showShared(url, true);
    } catch {
      bar.showShared(url, false); // no clipboard: the link shows, selected, to copy by hand
    }
  }

  // ------------------------------------------------------------------ running

  function errorText(error: unknown): string {
    const e = error as { kind?: string; message?: string };
    if (error instanceof NotebookError) return message(error);
    switch (e?.kind) {
      case "sql":
        return t("explore.status.sql", { message: e.message ?? "" });
      case "timeout":
        return t("explore.status.timeout");
      case "cancelled":
        return t("explore.status.cancelled");
      case "load":
        return t("explore.status.load", { message: e.message ?? "" });
      default:
        return t("explore.status.engine", { message: e?.message ?? String(error) });
    }
  }

  function progressText(p: LoadProgress): string {
    return p.done
      ? t("explore.status.loaded", { table: p.table })
      : t("explore.status.loading", {
          table: p.table,
          loaded: megabytes(p.loadedBytes, lang),
          total: megabytes(p.totalBytes, lang),
        });
  }

  function isFresh(cell: Cell, generation: number): boolean {
    const r = runs.get(cell.id);
    return r !== undefined && r.generation === generation && r.sql === cell.sql;
  }

  /** Run one cell now (the queue guarantees nothing else runs). Resolves true when it succeeded. */
  async function execute(cell: Cell, e: Engine): Promise<boolean> {
    const view = views.get(cell.id);
    if (!view) return false;
    let plan: CellPlan;
    try {
      plan = planCell(cell);
    } catch (error) {
      view.setStatus(errorText(error), "error");
      view.setResult(undefined);
      return false;
    }
    const controller = new AbortController();
    current = { cellId: cell.id, controller };
    view.setRunning(true);
    view.setStatus(t("explore.status.running"), "running");
    const options = {
      signal: controller.signal,
      onProgress: (p: LoadProgress) => view.setStatus(progressText(p), "running"),
    };
    const generation = e.generation;
    try {
      let result: QueryResult;
      let elapsed: number;
      if (plan.kind === "query") {
        const created = await e.query(plan.create, options);
        result = await e.query(plan.show, { ...options, maxRows: 1000 });
        elapsed = created.elapsedMs + result.elapsedMs;
      } else {
        result = await e.query(plan.statement, options);
        elapsed = result.elapsedMs;
      }
      // A restart during the run (another query would not cancel) lost what it made.
      runs.set(cell.id, { generation: Math.max(generation, e.generation), sql: cell.sql });
      view.setStatus(
        plan.kind === "query"
          ? t("explore.status.done", {
              rows: formatInteger(result.rowCount, lang),
              time: duration(elapsed, lang),
            })
          : t("explore.status.statement", { time: duration(elapsed, lang) }),
        "done",
      );
      view.setResult(result.columns.length ? result : undefined);
      void refreshSchema(e);
      return true;
    } catch (error) {
      runs.delete(cell.id);
      view.setStatus(errorText(error), "error");
      if ((error as { kind?: string })?.kind !== "cancelled") view.setResult(undefined);
      return false;
    } finally {
      current = undefined;
      view.setRunning(false);
    }
  }

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  async function engineOrError(view: CellView | undefined): Promise<Engine | undefined> {
    try {
      if (view) view.setStatus(t("explore.engine.starting"), "running");
      return await startEngine();
    } catch (error) {
      view?.setStatus(t("explore.engine.failed", { message: (error as Error).message }), "error");
      return undefined;
    }
  }

  /** Run a cell after the cells it reads whose tables are missing. */
  function run(id: string): Promise<boolean> {
    views.get(id)?.setStatus(t("explore.status.queued"), "running");
    return enqueue(async () => {
      const target = notebook.cells.find((c) => c.id === id);
      if (!target) return false;
      const e = await engineOrError(views.get(id));
      if (!e) return false;
      for (const dep of runOrder(notebook, [id])) {
        if (dep.id === id) break;
        if (isFresh(dep, e.generation)) continue;
        views.get(id)?.setStatus(t("explore.status.dependency", { name: dep.name }), "running");
        if (!(await execute(dep, e))) {
          views.get(id)?.setStatus(t("explore.status.dependencyFailed", { name: dep.name }), "error");
          return false;
        }
      }
      return execute(notebook.cells.find((c) => c.id === id) ?? target, e);
    });
  }

  async function runAll(): Promise<void> {
    runAllActive = true;
    stopAll = false;
    bar.setRunningAll(true);
    try {
      for (const cell of runOrder(notebook)) {
        if (stopAll) break;
        if (!(await run(cell.id))) break;
      }
    } finally {
      runAllActive = false;
      bar.setRunningAll(false);
    }
  }

  function cancel(id: string) {
    if (current?.cellId === id) current.controller.abort();
  }

  function cancelAll() {
    stopAll = true;
    current?.controller.abort();
  }

  async function downloadCsv(id: string) {
    const cell = notebook.cells.find((c) => c.id === id);
    if (!cell) return;
    const e = await engineOrError(undefined);
    if (!e) return;
    if (!isFresh(cell, e.generation) && !(await run(id))) return;
    try {
      const plan = planCell(cell);
      const blob = await enqueue(() => e.csv(plan.kind === "query" ? plan.show : plan.statement));
      downloadBlob(blob, `${cell.name}.csv`);
    } catch (error) {
      views.get(id)?.setStatus(errorText(error), "error");
    }
  }

  // ------------------------------------------------------------------ start

  async function restore() {
    const hash = location.hash;
    // "Open in Explore" from an analysis card: `#analysis=<page>/<key>` (src/lib/explore/from-analysis.ts).
    if (/(^#|&)analysis=/.test(hash)) {
      try {
        const { notebookFromHash, blockerText } = await import("../../lib/explore/from-analysis.js");
        const opened = await notebookFromHash(hash);
        if (opened) {
          let next = emptyNotebook();
          for (const c of opened.cells) next = addCell(next, { name: c.name, sql: c.sql }).notebook;
          replaceNotebook(
            next,
            opened.runnable || !opened.blocker
              ? t("explore.share.analysis", { analysis: opened.analysis })
              : blockerText(opened.blocker, t),
          );
          return;
        }
      } catch (error) {
        showNotice(t("explore.share.analysisFailed", { message: (error as Error).message }), "error");
        return;
      }
    }
    const restored = await restoreNotebook(hash, storage());
    setNotebook(restored.notebook, { save: !restored.problem });
    prefetchTables();
    if (restored.problem) showNotice(t(`explore.share.problems.${restored.problem}` as MessageKey), "error");
    else if (restored.source === "hash") saveLocal(restored.notebook, storage());
  }

  // DuckDB starts at once (its module, worker and wasm load in the background; compiling the wasm
  // takes seconds, all of it before a first result) and the notebook's tables download meanwhile
  // (prefetchTables after restore). The editor waits for DuckDB (editorGate), or for the reader.
  startEngine().catch(() => undefined);
  void restore();
  root.addEventListener("focusin", (e) => {
    if ((e.target as Element).matches?.("textarea")) openEditorGate();
  });
  loadEditor().catch(() => undefined);
  return root;
}

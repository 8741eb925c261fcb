// The Explore page's own styles, in the site's charte (src/style.css variables). Injected once by
// the page's code rather than added to src/style.css, which every page loads.
const CSS = `
.explore { display: flex; flex-direction: column; gap: 1.25rem; }
.explore .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.explore-toolbar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem 1rem;
  padding: 0.75rem 1rem; border: 1px solid var(--bttk-border); border-radius: var(--bttk-radius); background: var(--bttk-surface-dark); }
.explore-toolbar__group { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.explore-toolbar__examples { display: flex; align-items: center; gap: 0.5rem; color: var(--bttk-muted); font-size: 0.9rem; }
.explore-toolbar__engine { flex: 1 1 12rem; margin: 0; text-align: right; color: var(--bttk-muted); font-size: 0.85rem; }
.explore-toolbar__engine[data-kind="done"] { color: #28a745; }
.explore-toolbar__engine[data-kind="error"] { color: var(--bttk-red); }
.explore-toolbar__shared { flex-basis: 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; font-size: 0.85rem; color: var(--bttk-gold); }
.explore-toolbar__shared input { flex: 1 1 20rem; min-width: 0; font-family: var(--monospace); font-size: 0.8rem; }
.explore-button { display: inline-flex; align-items: center; gap: 0.4rem; padding: 0.4rem 0.8rem; border: 1px solid var(--bttk-grid);
  border-radius: 8px; background: var(--bttk-surface); color: var(--bttk-text); font: 600 0.88rem/1.2 var(--bttk-body); cursor: pointer;
  transition: border-color 0.15s, color 0.15s, background 0.15s; }
.explore-button:hover:not(:disabled) { border-color: var(--bttk-orange); color: var(--bttk-orange); }
.explore-button:disabled, .explore .icon-button:disabled { opacity: 0.45; cursor: default; }
.explore-button--primary { border-color: transparent; background: var(--bttk-gradient); color: #1a1a1a; }
.explore-button--primary:hover:not(:disabled) { border-color: transparent; color: #1a1a1a; filter: brightness(1.08); }
.explore-button--primary.is-running, .explore-button--primary[data-running="true"] { background: var(--bttk-red); color: var(--bttk-white); }
.explore-notice { margin: 0; padding: 0.7rem 1rem; border-left: 4px solid var(--bttk-gold); border-radius: 8px; background: rgba(255, 215, 0, 0.08); }
.explore-notice[data-kind="error"] { border-left-color: var(--bttk-red); background: rgba(226, 78, 27, 0.12); }
.explore-cells { display: flex; flex-direction: column; gap: 1.25rem; }
.explore-cell { display: flex; flex-direction: column; gap: 0.7rem; min-width: 0; container-type: inline-size; }
.explore-cell.is-running { border-color: var(--bttk-orange); }
.explore-cell__header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.6rem; }
.explore-cell__title { display: flex; align-items: center; gap: 0.5rem; min-width: 0; }
.explore-cell__position { color: var(--bttk-muted); font: 0.85rem var(--monospace); }
.explore-cell__name-label { color: var(--bttk-muted); font-size: 0.85rem; }
main .explore-cell__name { width: 16rem; max-width: 50vw; font-family: var(--monospace); color: var(--bttk-orange); }
.explore-cell__name[aria-invalid="true"] { border-color: var(--bttk-red); }
.explore-cell__name-error { margin: -0.3rem 0 0; color: var(--bttk-salmon); font-size: 0.85rem; }
.explore-cell__name-error:empty { display: none; }
.explore-cell__actions { display: flex; align-items: center; gap: 0.4rem; }
.explore-cell__textarea { box-sizing: border-box; width: 100%; min-height: 7em; padding: 0.5rem 0.75rem; border: 1px solid var(--bttk-grid);
  border-radius: 8px; background: var(--bttk-surface-dark); color: var(--bttk-text); font: 14px/1.55 var(--monospace); resize: vertical; }
.explore-cell__textarea:focus-visible { outline: none; border-color: var(--bttk-orange); box-shadow: 0 0 0 2px rgba(255, 140, 0, 0.3); }
.explore-cell__status { margin: 0; color: var(--bttk-muted); font-size: 0.88rem; font-variant-numeric: tabular-nums; white-space: pre-wrap; overflow-wrap: anywhere; }
.explore-cell__status:empty { display: none; }
.explore-cell__status[data-kind="done"] { color: var(--bttk-text-soft); }
.explore-cell__status[data-kind="running"] { color: var(--bttk-gold); }
.explore-cell__status[data-kind="stale"] { color: var(--bttk-salmon); }
.explore-cell__status[data-kind="error"] { padding: 0.5rem 0.75rem; border-left: 3px solid var(--bttk-red); background: rgba(226, 78, 27, 0.1);
  color: #ffb59a; font-family: var(--monospace); font-size: 0.82rem; }
.explore-cell__output { display: flex; flex-direction: column; gap: 0.8rem; min-width: 0; }
.explore-cell__output:empty { display: none; }
.explore-cell__downloads { display: flex; gap: 0.5rem; }
.explore-cell__chart summary { color: var(--bttk-gold); font-weight: 500; cursor: pointer; }
.explore-cell__error { color: var(--bttk-salmon); }
.explore-table__scroll { max-height: 32rem; overflow: auto; }
.explore-table th { position: sticky; top: 0; padding: 0; }
.explore-table__sort { display: flex; align-items: center; gap: 0.3rem; width: 100%; padding: 0.55rem 0.75rem; border: none; background: none;
  color: inherit; font: inherit; text-align: inherit; cursor: pointer; }
.explore-table th.num .explore-table__sort { justify-content: flex-end; }
.explore-table__sort:hover { color: var(--bttk-gold); }
.explore-table__arrow { font-size: 0.7em; }
.explore-table td { white-space: nowrap; max-width: 28rem; overflow: hidden; text-overflow: ellipsis; }
.explore-table td.is-null { color: var(--bttk-muted); }
.explore-table__pager { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; }
.explore-table__info { margin: 0; color: var(--bttk-muted); font-size: 0.85rem; }
.explore-table__buttons { display: flex; gap: 0.4rem; }
.explore-chart { display: flex; flex-direction: column; gap: 0.6rem; margin-top: 0.6rem; }
.explore-chart__controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
.explore-chart__field { display: flex; align-items: center; gap: 0.4rem; color: var(--bttk-muted); font-size: 0.85rem; }
.explore-chart__field[hidden] { display: none; }
.explore-chart__figure { min-width: 0; }
.explore-empty p { max-width: 70ch; margin: 0 0 0.6rem; }
.explore-empty__examples { display: grid; gap: 0.6rem; max-width: none; margin: 0 0 0.8rem; padding: 0; list-style: none; }
.explore-empty__examples li { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr auto; align-items: center; gap: 0.4rem 1rem;
  padding: 0.6rem 0.8rem; border: 1px solid var(--bttk-border); border-radius: 8px; background: var(--bttk-surface-dark); }
.explore-empty__examples strong { color: var(--bttk-orange); font-weight: 600; }
.explore-empty__examples span { color: var(--bttk-text-soft); font-size: 0.92rem; }
@media (max-width: 640px) { .explore-empty__examples li { grid-template-columns: 1fr; } }
.explore-empty code { color: var(--bttk-gold); }
.explore-empty dd code { color: var(--bttk-text-soft); }
.explore-cell__cm { min-width: 0; }
@media (max-width: 560px) { .explore-toolbar { position: static; } .explore-toolbar__engine { text-align: left; } }
`;

export function injectStyle(): void {
  if (document.getElementById("explore-style")) return;
  const style = document.createElement("style");
  style.id = "explore-style";
  style.textContent = CSS;
  document.head.append(style);
}

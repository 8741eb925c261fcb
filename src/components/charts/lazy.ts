// Charts that a change of the year range redraws only where the reader can see them.
//
// `lazyChart(key, render)` is Framework's `resize(render)` — a container that draws `render(width)`
// at its width and again when the width changes — with one difference: when a page's cell runs
// again (the reader picked other years) and the chart named `key` is already on the page, the new
// container takes the chart drawn last time and draws the new one only once it is within a margin
// of the viewport. A redraw of the Trends page then draws the two or three charts in view instead
// of some twenty-five; the others are drawn as the reader scrolls towards them, before they show.
// A chart whose last container was in view is drawn at once, with the card (at its last width): it
// takes the same place, and waiting for the observers to say so would cost the reader a frame.
// Everything else in a card (its figures, takeaway, tables and CSV) is always current: only an
// off-screen chart waits. A first draw never waits, so a page's first load draws every chart, and
// `drawPending(root)` draws at once what waits inside `root` (a card's PNG/SVG export calls it).
//
// `key` must name one chart of the page (a card id and the chart's place in it).

/** How far beyond the viewport a waiting chart is drawn, so it is ready before it shows. */
const MARGIN = "200px 0px";

interface Slot {
  /** The chart drawn last (null: nothing drawn, or the render drew nothing). */
  node: Node | null;
  /** The chart waits for a draw with the current data or width. */
  pending: boolean;
  /** Draws the chart at once if it waits. */
  flush: () => void;
  /** Stops the observers (of a container a newer one with the same key replaces). */
  stop: () => void;
  /** The container's width and whether it was near the viewport, as the observers last said. */
  width: number;
  near: boolean;
}

const slots = new Map<string, Slot>();
const containers = new WeakMap<Element, Slot>();

export function lazyChart(key: string, render: (width: number) => Node | null): HTMLDivElement {
  const container = document.createElement("div");
  container.style.position = "relative";
  container.setAttribute("data-lazy-chart", key);
  const previous = slots.get(key);
  previous?.stop();
  const slot: Slot = { node: null, pending: true, flush: () => {}, stop: () => {}, width: 0, near: false };
  // Keep showing the last chart until the new one is drawn (same place, roughly the same height).
  if (previous?.node) {
    slot.node = previous.node;
    container.append(previous.node);
    container.setAttribute("data-pending", ""); // until drawn again (tests wait for it to go)
  }
  const draw = () => {
    const node = render(slot.width);
    container.replaceChildren(...(node ? [node] : []));
    container.removeAttribute("data-pending");
    slot.node = node;
    slot.pending = false;
  };
  const update = () => {
    if (!(slot.width > 0) || !slot.pending) return;
    // A first draw (nothing to show yet) never waits; a redraw waits until the chart is near view.
    if (slot.near || slot.node === null) draw();
  };
  // In view last time: drawn now, at the last width (the observers redraw it if that changed).
  if (previous?.near && previous.width > 0) {
    slot.width = previous.width;
    slot.near = true;
    draw();
  }
  const resizer = new ResizeObserver(([entry]) => {
    const w = entry.contentRect.width;
    if (w === slot.width || !(w > 0)) return;
    if (slot.width > 0) slot.pending = true; // a new width is a new drawing, as with Framework's resize
    slot.width = w;
    update();
  });
  const viewer = new IntersectionObserver(
    ([entry]) => {
      slot.near = entry.isIntersecting;
      update();
    },
    { rootMargin: MARGIN },
  );
  resizer.observe(container);
  viewer.observe(container);
  slot.flush = () => {
    if (slot.pending && slot.width > 0) draw();
  };
  slot.stop = () => {
    resizer.disconnect();
    viewer.disconnect();
  };
  slots.set(key, slot);
  containers.set(container, slot);
  return container;
}

/** Draw now every chart inside `root` that waits (before reading or exporting what it shows). */
export function drawPending(root: ParentNode): void {
  for (const el of root.querySelectorAll("[data-lazy-chart]")) containers.get(el)?.flush();
}

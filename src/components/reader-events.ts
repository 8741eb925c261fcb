// The reader-event beacon's start on every page of the registry. The shell's head loads this module
// with `<script type="module" src="/components/reader-events.js">`: Framework bundles a local
// module script of the head like a page import (hashed under _import/, modulepreloaded), so no page
// can forget it and no page needs a cell for it. Module scripts run once the HTML is parsed, when
// the footer's opt-out toggle is there to bind. Pages that record more (the year range, downloads,
// copied links) import trackEvent from ./events.js: the same URL, so the same module instance and
// the same opt-out state. See docs/operations.md, "Reader events".
import { initEvents } from "./events.js";

initEvents();

// The SQL editor of a cell: CodeMirror 6 with SQL highlighting in the site's colours, completion of
// table and column names (the dataset's tables, then whatever the engine's schema knows: the cells'
// tables once they ran) and of the cells' names, Ctrl/Cmd-Enter to run. Loaded with import() once
// the page shows (src/components/explore/cell.ts), never in the page's first script. Tab is left to
// move focus, so the editor is no keyboard trap; indentation follows Enter.
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { PostgreSQL, sql, type SQLNamespace } from "@codemirror/lang-sql";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
  placeholder,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";

export interface SqlEditor {
  getValue(): string;
  setValue(text: string): void;
  /** Tables and their columns offered by completion. */
  setSchema(schema: Record<string, readonly string[]>): void;
  focus(): void;
  destroy(): void;
}

export interface EditorOptions {
  doc: string;
  label: string;
  placeholder: string;
  schema: Record<string, readonly string[]>;
  onChange(text: string): void;
  onRun(): void;
}

const theme = EditorView.theme(
  {
    "&": {
      color: "#f0f0f0",
      backgroundColor: "#1a1a1a",
      border: "1px solid #444444",
      borderRadius: "8px",
      fontSize: "14px",
    },
    "&.cm-focused": {
      outline: "none",
      borderColor: "#ff8c00",
      boxShadow: "0 0 0 2px rgba(255, 140, 0, 0.3)",
    },
    ".cm-scroller": {
      fontFamily: "var(--monospace)",
      lineHeight: "1.55",
      minHeight: "4.5em",
      maxHeight: "24em",
    },
    ".cm-content": { caretColor: "#ffd700", padding: "0.5rem 0" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#ffd700" },
    "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
      {
        backgroundColor: "rgba(255, 140, 0, 0.3)",
      },
    ".cm-gutters": {
      backgroundColor: "#1a1a1a",
      color: "#888888",
      border: "none",
      borderRadius: "8px 0 0 8px",
    },
    ".cm-activeLine": { backgroundColor: "rgba(255, 255, 255, 0.03)" },
    ".cm-activeLineGutter": { backgroundColor: "rgba(255, 255, 255, 0.05)", color: "#c8c8c8" },
    ".cm-placeholder": { color: "#888888" },
    ".cm-matchingBracket": {
      backgroundColor: "rgba(255, 215, 0, 0.18)",
      outline: "1px solid rgba(255, 215, 0, 0.4)",
    },
    ".cm-tooltip": { backgroundColor: "#333333", border: "1px solid #ff8c00", color: "#f0f0f0" },
    ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "#ff8c00", color: "#1a1a1a" },
    ".cm-completionDetail": { color: "#888888" },
  },
  { dark: true },
);

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: "#ff8c00", fontWeight: "600" },
  { tag: [tags.string, tags.special(tags.string)], color: "#ffd700" },
  { tag: [tags.number, tags.bool, tags.null], color: "#ffa07a" },
  { tag: tags.comment, color: "#888888", fontStyle: "italic" },
  { tag: [tags.typeName, tags.standard(tags.name)], color: "#00ced1" },
  { tag: [tags.operator, tags.punctuation], color: "#c8c8c8" },
  { tag: tags.special(tags.name), color: "#b0e0e6" },
]);

// PostgreSQL's dialect: the closest lang-sql has to DuckDB's (same quoting, ::casts, $ parameters).
const dialect = PostgreSQL;

function language(schema: Record<string, readonly string[]>) {
  return sql({ dialect, schema: schema as SQLNamespace, upperCaseKeywords: true });
}

export function createEditor(parent: HTMLElement, options: EditorOptions): SqlEditor {
  const lang = new Compartment();
  const run = () => {
    options.onRun();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        Prec.highest(
          keymap.of([
            { key: "Mod-Enter", run },
            { key: "Shift-Enter", run },
          ]),
        ),
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        autocompletion({ icons: false }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        lang.of(language(options.schema)),
        syntaxHighlighting(highlight),
        theme,
        placeholder(options.placeholder),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": options.label, "aria-multiline": "true" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setSchema(schema) {
      view.dispatch({ effects: lang.reconfigure(language(schema)) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

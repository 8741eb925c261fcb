// `npm run check:pages`: what the type checker and the build cannot see about pages and words.
// Reads a project tree (the real one, or a small fixture in tests) without running any of it:
// catalogues, the page declarations and the sources are parsed with the TypeScript parser, so a
// broken tree is reported, not crashed on. Three families of findings, each with file and key:
//   1. translations — a key one language has and another lacks, an empty message, placeholders
//      that differ between languages;
//   2. unused keys — a catalogue key no source asks for (literally, or through a template such as
//      `trends.nutrients.${key}.label` or `${id}.page.title`, where `${…}` stands for path segments);
//   3. pages — src/[lang]/*.md and the declarations of src/lib/pages.ts agree, every declared page
//      has its title and summary in each language, analyses folders and declared data agree, and
//      each catalogue namespace file is exported from its language's index.ts.
// A key that no source can name (e.g. one read only by tests) is kept by a comment on its line or
// the line above: `// check-pages: keep — <why>`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { placeholders } from "../../src/lib/i18n/index.js";

export type FindingKind =
  | "missing-translation"
  | "empty-message"
  | "placeholders"
  | "unused-key"
  | "undeclared-page"
  | "missing-page-source"
  | "missing-page-words"
  | "unread-analyses"
  | "missing-analyses"
  | "unexported-namespace"
  | "unreadable";

export interface Finding {
  kind: FindingKind;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** The dotted catalogue key, or the page id for page declarations. */
  key?: string;
  message: string;
}

const I18N_DIR = "src/lib/i18n";
const PAGES_FILE = "src/lib/pages.ts";
const PAGES_DIR = "src/[lang]";
const ANALYSES_DIR = "data-loaders/analyses";
const KEEP_COMMENT = /check-pages:\s*keep\b/;

/** Every finding about the project at `root`, sorted by file then key. */
export function checkPages(root: string): Finding[] {
  const findings: Finding[] = [];
  const catalogues = readCatalogues(root, findings);
  checkTranslations(catalogues, findings);
  checkUsage(root, catalogues, findings);
  checkPageDeclarations(root, catalogues, findings);
  // Code-point order, not the locale's: the same list on every machine.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return dedupe(findings).sort((a, b) => order(a.file, b.file) || order(a.key ?? "", b.key ?? ""));
}

/** One line per finding, `file: key — message`, a blank line between files (findings sorted). */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((f, i) => {
      const line = `${f.file}: ${f.key ? `${f.key} — ` : ""}${f.message}`;
      return i > 0 && findings[i - 1].file !== f.file ? `\n${line}` : line;
    })
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// Catalogues: src/lib/i18n/<lang>/<file>.ts, each `export const <namespace> = { … }`.

interface Message {
  text: string;
  /** The namespace file it lives in, relative to the root. */
  file: string;
  /** Marked `// check-pages: keep`. */
  keep: boolean;
}

interface Catalogue {
  lang: string;
  /** Dotted key → message. */
  messages: Map<string, Message>;
}

const posix = (path: string) => path.split("\\").join("/");
const rel = (root: string, path: string) => posix(relative(root, path));

function parse(path: string, text = readFileSync(path, "utf8")): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** `x as const`, `x satisfies T`, `(x)` → x. */
function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) {
    node = node.expression;
  }
  return node;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function languages(root: string): string[] {
  const dir = join(root, I18N_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory() && existsSync(join(dir, d, "index.ts")))
    .sort();
}

function readCatalogues(root: string, findings: Finding[]): Catalogue[] {
  return languages(root).map((lang) => {
    const catalogue: Catalogue = { lang, messages: new Map() };
    const dir = join(root, I18N_DIR, lang);
    const files = readdirSync(dir).filter(
      (f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".d.ts"),
    );
    for (const name of files.sort()) readNamespaceFile(root, join(dir, name), catalogue, findings);
    checkIndexExports(root, dir, files, findings);
    return catalogue;
  });
}

function readNamespaceFile(root: string, path: string, catalogue: Catalogue, findings: Finding[]): void {
  const file = rel(root, path);
  const source = parse(path);
  let found = false;
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer && unwrap(declaration.initializer);
      if (!init || !ts.isObjectLiteralExpression(init) || !ts.isIdentifier(declaration.name)) continue;
      found = true;
      readTree(init, declaration.name.text, { source, file, catalogue, findings });
    }
  }
  if (!found) {
    findings.push({
      kind: "unreadable",
      file,
      message: "has no `export const <namespace> = { … }` object of messages",
    });
  }
}

interface TreeContext {
  /** Inside an object marked `check-pages: keep`: every message under it is kept. */
  keep?: boolean;
  source: ts.SourceFile;
  file: string;
  catalogue: Catalogue;
  findings: Finding[];
}

function readTree(node: ts.ObjectLiteralExpression, prefix: string, context: TreeContext): void {
  for (const property of node.properties) {
    const name = ts.isPropertyAssignment(property) ? propertyName(property.name) : undefined;
    if (!ts.isPropertyAssignment(property) || name === undefined) {
      context.findings.push({
        kind: "unreadable",
        file: context.file,
        key: prefix,
        message: "holds something other than `name: message` entries (spread, method, computed name)",
      });
      continue;
    }
    const key = `${prefix}.${name}`;
    const value = unwrap(property.initializer);
    const keep = context.keep || keepComment(context.source, property);
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) {
      context.catalogue.messages.set(key, { text: value.text, file: context.file, keep });
    } else if (ts.isObjectLiteralExpression(value)) {
      readTree(value, key, { ...context, keep });
    } else {
      context.findings.push({
        kind: "unreadable",
        file: context.file,
        key,
        message: "is not a plain string: catalogues hold literal messages only",
      });
    }
  }
}

/** A `check-pages: keep` comment on the property's line or just above it. */
function keepComment(source: ts.SourceFile, node: ts.Node): boolean {
  const text = source.text;
  const comments = [
    ...(ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []),
    ...(ts.getTrailingCommentRanges(text, node.getEnd() + (text[node.getEnd()] === "," ? 1 : 0)) ?? []),
  ];
  return comments.some((c) => KEEP_COMMENT.test(text.slice(c.pos, c.end)));
}

/** Each namespace file must be re-exported by its language's index.ts, or no key of it exists. */
function checkIndexExports(root: string, dir: string, files: string[], findings: Finding[]): void {
  const index = parse(join(dir, "index.ts"));
  const exported = new Set<string>();
  for (const statement of index.statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const spec = (statement.moduleSpecifier as ts.StringLiteral).text;
      exported.add(spec.replace(/^\.\//, "").replace(/\.(js|ts)$/, ""));
    }
  }
  for (const name of files) {
    const base = name.replace(/\.ts$/, "");
    if (exported.has(base)) continue;
    findings.push({
      kind: "unexported-namespace",
      file: rel(root, join(dir, "index.ts")),
      key: base,
      message: `does not export the namespace of ${base}.ts: add \`export { <namespace> } from "./${base}.js";\``,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Translations.

/** Where a language should hold a key: the file named like the one holding it elsewhere. */
const twinFile = (file: string, lang: string) => file.replace(/\/i18n\/[^/]+\//, `/i18n/${lang}/`);

/** A message short enough for a one-line finding. */
const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

function checkTranslations(catalogues: Catalogue[], findings: Finding[]): void {
  for (const catalogue of catalogues) {
    for (const other of catalogues) {
      if (other === catalogue) continue;
      for (const [key, message] of other.messages) {
        if (catalogue.messages.has(key)) continue;
        findings.push({
          kind: "missing-translation",
          file: twinFile(message.file, catalogue.lang),
          key,
          message: `has no ${catalogue.lang} message (${other.lang}: "${excerpt(message.text)}")`,
        });
      }
    }
    for (const [key, message] of catalogue.messages) {
      if (message.text.trim() === "") {
        findings.push({ kind: "empty-message", file: message.file, key, message: "is empty" });
      }
    }
  }
  // Placeholders: each language against the first (English, the reference, when present).
  const [reference, ...rest] = [...catalogues].sort(
    (a, b) => Number(b.lang === "en") - Number(a.lang === "en"),
  );
  for (const catalogue of rest) {
    for (const [key, message] of catalogue.messages) {
      const wanted = reference.messages.get(key);
      if (!wanted) continue;
      const [mine, theirs] = [placeholders(message.text), placeholders(wanted.text)];
      if (mine.join() === theirs.join()) continue;
      const show = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(" ") : "none");
      findings.push({
        kind: "placeholders",
        file: message.file,
        key,
        message: `has placeholders ${show(mine)} where ${reference.lang} has ${show(theirs)}`,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Unused keys. A source names keys with string literals, template literals and `+` chains. A
// hole (`${…}`, or a non-literal operand of `+`) inside a key stands for one or more path segments
// (`trends.nutrients.${key}.label`). A hole that starts a key stands for its namespace and more
// (`${id}.page.title`, `${prefix}.${rule}.label`): it must be a path some source writes as a
// literal ("trends", "data.rules.recipe"), or any `x.title` would count as used.

interface KeyPattern {
  /** The key starts with a hole: a literal path, then `rest`. */
  leadingHole: boolean;
  rest: RegExp;
}

interface Usage {
  literals: Set<string>;
  patterns: KeyPattern[];
}

const WILDCARD = "[A-Za-z0-9_$-]+(?:\\.[A-Za-z0-9_$-]+)*";
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern from literal parts and holes (null); undefined when the parts cannot anchor a key. */
export function keyPattern(parts: (string | null)[]): KeyPattern | undefined {
  const merged = parts.filter((p) => p !== "");
  if (!merged.includes(null)) return undefined;
  const fixed = merged.filter((p): p is string => p !== null).join("");
  // Without a dot and a letter, the literal parts cannot anchor a key path (`${a}.${b}`, `${n}px`).
  if (!fixed.includes(".") || !/[A-Za-z]/.test(fixed)) return undefined;
  const leadingHole = merged[0] === null;
  const rest = (leadingHole ? merged.slice(1) : merged).map((p) => (p === null ? WILDCARD : escapeRegex(p)));
  return { leadingHole, rest: new RegExp(`^${rest.join("")}$`) };
}

function matches(pattern: KeyPattern, key: string, literals: Set<string>): boolean {
  if (!pattern.leadingHole) return pattern.rest.test(key);
  // Try each namespace-side prefix of the key that a source spells out: "a", "a.b", "a.b.c"…
  for (let dot = key.indexOf("."); dot !== -1; dot = key.indexOf(".", dot + 1)) {
    if (literals.has(key.slice(0, dot)) && pattern.rest.test(key.slice(dot))) return true;
  }
  return false;
}

/** The literal parts and holes of a `+` chain of strings and other expressions. */
function concatenation(node: ts.Expression): (string | null)[] {
  node = unwrap(node);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...concatenation(node.left), ...concatenation(node.right)];
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return templateParts(node);
  return [null];
}

function templateParts(node: ts.TemplateExpression): (string | null)[] {
  return [node.head.text, ...node.templateSpans.flatMap((s) => [null, s.literal.text])];
}

const isPlus = (node: ts.Node): node is ts.BinaryExpression =>
  ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;

function collectUsage(source: ts.SourceFile, usage: Usage): void {
  const add = (parts: (string | null)[]) => {
    const p = keyPattern(parts);
    if (p) usage.patterns.push(p);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) usage.literals.add(node.text);
    else if (ts.isTemplateExpression(node)) add(templateParts(node));
    else if (isPlus(node) && !isPlus(node.parent)) add(concatenation(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const SCRIPT_FENCE = /^(js|ts|javascript|typescript|jsx|tsx)$/;

/**
 * The JavaScript of a Markdown page: its js/ts fenced blocks and the `${…}` expressions of its
 * prose (other fences, such as sql or css, are neither code nor prose).
 */
export function markdownCode(markdown: string): string[] {
  const code: string[] = [];
  const fence = /^(```|~~~)([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm;
  let prose = "";
  let last = 0;
  for (const m of markdown.matchAll(fence)) {
    if (SCRIPT_FENCE.test(m[2].trim().split(/\s+/)[0])) code.push(m[3]);
    prose += markdown.slice(last, m.index) + "\n";
    last = m.index + m[0].length;
  }
  prose += markdown.slice(last);
  for (let i = prose.indexOf("${"); i !== -1; i = prose.indexOf("${", i)) {
    const end = closingBrace(prose, i + 2);
    code.push(prose.slice(i + 2, end - 1));
    i = end;
  }
  return code;
}

/** From just after an opening brace, the index just after its closing brace (strings skipped). */
function closingBrace(text: string, i: number): number {
  let depth = 1;
  while (i < text.length && depth > 0) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "`") {
      i++;
      while (i < text.length && text[i] !== "`") {
        if (text[i] === "\\") i += 2;
        else if (text.startsWith("${", i)) i = closingBrace(text, i + 2);
        else i++;
      }
      i++;
    } else {
      if (c === "{") depth++;
      else if (c === "}") depth--;
      i++;
    }
  }
  return i;
}

/** src/**\/*.{md,ts} (not Framework's cache, not the catalogues), data-loaders/**\/*.ts, the config. */
function sourceFiles(root: string): string[] {
  const walk = (dir: string, keep: (name: string) => boolean): string[] => {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory())
        return e.name === ".observablehq" || e.name === "node_modules" ? [] : walk(path, keep);
      return keep(e.name) ? [path] : [];
    });
  };
  const catalogueDir = new RegExp(`^${escapeRegex(I18N_DIR)}/[^/]+/[^/]+$`);
  const config = join(root, "observablehq.config.ts");
  return [
    ...walk(join(root, "src"), (n) => /\.(md|ts)$/.test(n)).filter((p) => !catalogueDir.test(rel(root, p))),
    ...walk(join(root, "data-loaders"), (n) => n.endsWith(".ts")),
    ...(existsSync(config) ? [config] : []),
  ];
}

function checkUsage(root: string, catalogues: Catalogue[], findings: Finding[]): void {
  const usage: Usage = { literals: new Set(), patterns: [] };
  for (const path of sourceFiles(root)) {
    const text = readFileSync(path, "utf8");
    const chunks = path.endsWith(".md") ? markdownCode(text) : [text];
    for (const chunk of chunks) collectUsage(parse(path, chunk), usage);
  }
  // A page id names its catalogue namespace in camelCase (`weekday-habits` → `weekdayHabits`,
  // src/lib/pages.ts pageNamespace): the namespace is as much a literal as the id.
  for (const literal of [...usage.literals])
    if (/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(literal))
      usage.literals.add(literal.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
  const used = (key: string) =>
    usage.literals.has(key) || usage.patterns.some((p) => matches(p, key, usage.literals));
  for (const catalogue of catalogues) {
    for (const [key, message] of catalogue.messages) {
      if (message.keep || used(key)) continue;
      findings.push({
        kind: "unused-key",
        file: message.file,
        key,
        message: "is used by no page, component or loader: remove it from every language",
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Pages: src/lib/pages.ts's DECLARATIONS against the page files, words and analyses folders.

interface Declaration {
  id: string;
  slug: string;
  /** The analyses folder it reads, or null. */
  data: string | null;
}

function readDeclarations(root: string, findings: Finding[]): Declaration[] | undefined {
  const path = join(root, PAGES_FILE);
  if (!existsSync(path)) {
    findings.push({ kind: "unreadable", file: PAGES_FILE, message: "is missing: pages are declared there" });
    return undefined;
  }
  let list: ts.ArrayLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === "DECLARATIONS") {
      const init = node.initializer && unwrap(node.initializer);
      if (init && ts.isArrayLiteralExpression(init)) list = init;
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(path));
  if (!list) {
    findings.push({
      kind: "unreadable",
      file: PAGES_FILE,
      message: "has no `const DECLARATIONS = [ … ]` list",
    });
    return undefined;
  }
  const declarations: Declaration[] = [];
  for (const element of list.elements) {
    const fields = new Map<string, string | null>();
    if (ts.isObjectLiteralExpression(element)) {
      for (const p of element.properties) {
        const name = ts.isPropertyAssignment(p) ? propertyName(p.name) : undefined;
        if (!name || !ts.isPropertyAssignment(p)) continue;
        const value = unwrap(p.initializer);
        if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))
          fields.set(name, value.text);
        else if (value.kind === ts.SyntaxKind.NullKeyword) fields.set(name, null);
      }
    }
    const id = fields.get("id");
    if (typeof id !== "string") {
      findings.push({
        kind: "unreadable",
        file: PAGES_FILE,
        message: "declares a page without a literal `id`",
      });
      continue;
    }
    const slug = fields.get("slug");
    const data = fields.has("data") ? (fields.get("data") ?? null) : id;
    declarations.push({ id, slug: typeof slug === "string" ? slug : id, data });
  }
  return declarations;
}

function checkPageDeclarations(root: string, catalogues: Catalogue[], findings: Finding[]): void {
  const declarations = readDeclarations(root, findings);
  if (!declarations) return;

  const pagesDir = join(root, PAGES_DIR);
  const pageFiles = existsSync(pagesDir) ? readdirSync(pagesDir).filter((f) => f.endsWith(".md")) : [];
  for (const name of pageFiles.sort()) {
    const slug = name === "index.md" ? "" : name.replace(/\.md$/, "");
    if (declarations.some((d) => d.slug === slug)) continue;
    findings.push({
      kind: "undeclared-page",
      file: `${PAGES_DIR}/${name}`,
      message: `is not declared in ${PAGES_FILE}, so no navigation links to it: add ${slug ? `{ id: "${slug}", … }` : `{ id: "…", slug: "", … }`} to DECLARATIONS`,
    });
  }

  for (const d of declarations) {
    const source = `${PAGES_DIR}/${d.slug || "index"}.md`;
    if (!existsSync(join(root, source))) {
      findings.push({
        kind: "missing-page-source",
        file: PAGES_FILE,
        key: d.id,
        message: `declares a page whose source ${source} does not exist`,
      });
    }
    for (const catalogue of catalogues) {
      // The namespace of page `my-page` is `myPage` (src/lib/pages.ts pageNamespace).
      const ns = d.id.replace(/-([a-z0-9])/g, (_: string, c: string) => c.toUpperCase());
      for (const key of [`${ns}.page.title`, `${ns}.page.summary`]) {
        if (catalogue.messages.has(key)) continue;
        findings.push({
          kind: "missing-page-words",
          file: `${I18N_DIR}/${catalogue.lang}/${d.id}.ts`,
          key,
          message: `is missing: the declared page "${d.id}" needs a title and a summary in ${catalogue.lang}`,
        });
      }
    }
    if (d.data !== null && !isDirectory(join(root, ANALYSES_DIR, d.data))) {
      findings.push({
        kind: "missing-analyses",
        file: PAGES_FILE,
        key: d.id,
        message: `reads data/${d.data}.json but there is no folder ${ANALYSES_DIR}/${d.data}/`,
      });
    }
  }

  const analysesDir = join(root, ANALYSES_DIR);
  const folders = existsSync(analysesDir)
    ? readdirSync(analysesDir).filter((f) => !/^[_.]/.test(f) && isDirectory(join(analysesDir, f)))
    : [];
  for (const folder of folders.sort()) {
    if (declarations.some((d) => d.data === folder)) continue;
    findings.push({
      kind: "unread-analyses",
      file: `${ANALYSES_DIR}/${folder}/`,
      message: `is read by no page declared in ${PAGES_FILE}: declare a page with id "${folder}" or data: "${folder}"`,
    });
  }
}

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** One finding per file and key: a page's missing title is also a missing translation. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const id = `${f.file}\0${f.key ?? f.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

// The 404 page, in the language of the part of the site the reader was in: French under /fr/,
// English elsewhere. A build that has a page of its own for that language (`fr/404.html`,
// `en/404.html`, or `404.html` for English) is served instead (app.ts); the site builds none
// today, so this is what readers see. The site's colours, name and fonts (src/style.css), a link
// home in the same language and one to the other language. Self-contained: inline style, no
// script, no file, no font to fetch — it must work whatever else is missing.
export type NotFoundLang = "en" | "fr";

const TEXT: Record<NotFoundLang, { title: string; heading: string; body: string; home: string }> = {
  en: {
    title: "Page not found",
    heading: "This page does not exist",
    body: "The address may be mistyped, or the page may have moved.",
    home: "Go to the overview",
  },
  fr: {
    title: "Page introuvable",
    heading: "Cette page n’existe pas",
    body: "L’adresse est peut-être mal saisie, ou la page a changé de place.",
    home: "Aller à l’aperçu",
  },
};

const OTHER: Record<NotFoundLang, { lang: NotFoundLang; label: string }> = {
  en: { lang: "fr", label: "Français" },
  fr: { lang: "en", label: "English" },
};

/** The language of a request path: French for /fr and below, English for anything else. */
export function notFoundLang(path: string): NotFoundLang {
  return /^\/fr(\/|$)/.test(path) ? "fr" : "en";
}

const pages = new Map<NotFoundLang, string>();

/** The page for `lang`; built once per language, as every 404 answers the same. */
export function notFoundPage(lang: NotFoundLang = "en"): string {
  let page = pages.get(lang);
  if (page) return page;
  const t = TEXT[lang];
  const other = OTHER[lang];
  page = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t.title} | Back to the Kitchen</title>
<style>
  :root { color-scheme: dark; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #1e1e1e; color: #f0f0f0;
         font: 16px/1.5 Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { box-sizing: border-box; width: min(34rem, calc(100vw - 2rem)); padding: 2rem; border-radius: 12px;
         border-left: 4px solid #ff8c00; background: #262626; }
  .site { margin: 0 0 1rem; font: 700 .85rem/1.2 Michroma, Inter, system-ui, sans-serif; letter-spacing: .04em;
          text-transform: uppercase; background: linear-gradient(90deg, #ff8c00, #ffd700);
          -webkit-background-clip: text; background-clip: text; color: transparent; }
  h1 { margin: 0 0 .5rem; font-size: 1.5rem; line-height: 1.25; }
  p { margin: .25rem 0; color: #c8c8c8; }
  nav { margin-top: 1.25rem; display: flex; gap: 1.25rem; flex-wrap: wrap; }
  a { color: #ffa07a; } a:hover, a:focus { color: #ff8c00; }
</style>
</head>
<body>
<main>
<p class="site">Back to the Kitchen</p>
<h1>${t.heading}</h1>
<p>${t.body}</p>
<nav><a href="/${lang}/">${t.home}</a> <a href="/${other.lang}/" lang="${other.lang}" hreflang="${other.lang}">${other.label}</a></nav>
</main>
</body>
</html>
`;
  pages.set(lang, page);
  return page;
}

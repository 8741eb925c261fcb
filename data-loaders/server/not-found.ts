// The 404 page when the built site has none of its own (src/404.md makes Framework write one):
// the site's colours and name, both languages, links home. Self-contained: no script, no file.
export function notFoundPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page not found | Back to the Kitchen</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #1e1e1e; color: #f0f0f0;
         font: 16px/1.5 Inter, system-ui, sans-serif; }
  main { max-width: 32rem; padding: 2rem; border-left: 4px solid #ff8c00; background: #262626; }
  h1 { margin: 0 0 .5rem; font-size: 1.5rem; background: linear-gradient(90deg, #ff8c00, #ffd700);
       -webkit-background-clip: text; background-clip: text; color: transparent; }
  p { margin: .25rem 0; } a { color: #ffa07a; }
</style>
</head>
<body>
<main>
<h1>Back to the Kitchen</h1>
<p>This page does not exist. <a href="/en/">Go to the home page</a>.</p>
<p lang="fr">Cette page n’existe pas. <a href="/fr/">Aller à l’accueil</a>.</p>
</main>
</body>
</html>
`;
}

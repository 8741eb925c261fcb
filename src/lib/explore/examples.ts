// Example notebooks a reader can start from, written against the browser's tables and columns
// (src/lib/explore/tables.ts; tests/explore-notebook.test.ts runs every cell in DuckDB over those
// tables). Each cell's first line is a comment in the reader's language, from the catalogue
// (explore.examples.<id>.cells.<name>): the SQL itself is the same in both languages.
import { addCell, emptyNotebook, type Notebook } from "./notebook.js";

export interface ExampleCell {
  name: string;
  sql: string;
}

export interface Example {
  /** Names its words in the catalogue: explore.examples.<id>.{title, summary, cells.<name>}. */
  id: "finder" | "bestRated" | "reviewers";
  cells: readonly ExampleCell[];
}

export const EXAMPLES: readonly Example[] = [
  {
    id: "finder",
    cells: [
      {
        name: "wanted",
        sql: `SELECT * FROM (VALUES ('garlic'), ('butter')) AS t(ingredient)`,
      },
      {
        name: "quick",
        sql: `SELECT r.id, r.name, r.minutes, r.n_ingredients
FROM recipes AS r
JOIN recipe_ingredients AS i ON i.recipe_id = r.id
WHERE r.minutes <= 30
  AND i.ingredient IN (SELECT ingredient FROM wanted)
GROUP BY ALL
HAVING count(DISTINCT i.ingredient) = (SELECT count(*) FROM wanted)`,
      },
      {
        name: "finder",
        sql: `SELECT q.name, q.minutes, q.n_ingredients,
  count(x.rating) AS ratings,
  round(avg(x.rating), 2) AS mean_rating
FROM quick AS q
LEFT JOIN interactions AS x ON x.recipe_id = q.id AND x.rating > 0
GROUP BY ALL
ORDER BY ratings DESC, q.minutes, q.name
LIMIT 100`,
      },
    ],
  },
  {
    id: "bestRated",
    cells: [
      {
        name: "rated",
        sql: `SELECT recipe_id, count(*) AS ratings, avg(rating) AS mean_rating
FROM interactions
WHERE rating > 0
GROUP BY recipe_id`,
      },
      {
        name: "best",
        sql: `SELECT r.name, r.year, rated.ratings, round(rated.mean_rating, 2) AS mean_rating
FROM rated
JOIN recipes AS r ON r.id = rated.recipe_id
WHERE rated.ratings >= 20
ORDER BY rated.mean_rating DESC, rated.ratings DESC, r.name
LIMIT 50`,
      },
    ],
  },
  {
    id: "reviewers",
    cells: [
      {
        name: "prolific",
        sql: `SELECT user_id,
  count(*) AS reviews,
  count(*) FILTER (WHERE rating > 0) AS ratings,
  round(avg(rating) FILTER (WHERE rating > 0), 2) AS mean_rating,
  min(year) AS first_year,
  max(year) AS last_year
FROM interactions
GROUP BY user_id
ORDER BY reviews DESC, user_id
LIMIT 20`,
      },
      {
        name: "habits",
        sql: `SELECT i.rating,
  count(*) FILTER (WHERE i.user_id IN (SELECT user_id FROM prolific)) AS prolific,
  count(*) AS everyone
FROM interactions AS i
WHERE i.rating > 0
GROUP BY i.rating`,
      },
      {
        name: "shares",
        sql: `SELECT rating,
  round(100 * prolific / sum(prolific) OVER (), 1) AS prolific_pct,
  round(100 * everyone / sum(everyone) OVER (), 1) AS everyone_pct
FROM habits
ORDER BY rating`,
      },
    ],
  },
];

export function getExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}

/** An example as a new notebook; `note(cell)` (the catalogue's line for the cell) opens each cell as a comment. */
export function exampleNotebook(example: Example, note?: (cellName: string) => string | undefined): Notebook {
  let notebook = emptyNotebook();
  for (const cell of example.cells) {
    const comment = note?.(cell.name);
    const sql = comment
      ? `${comment
          .split("\n")
          .map((line) => `-- ${line}`)
          .join("\n")}\n${cell.sql}`
      : cell.sql;
    notebook = addCell(notebook, { name: cell.name, sql }).notebook;
  }
  return notebook;
}

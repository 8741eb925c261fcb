// The Explore page: a SQL notebook over the dataset's tables, run by DuckDB in the reader's browser.
export const explore = {
  page: {
    title: "Explore",
    summary:
      "Ask your own questions in SQL: a notebook that runs in your browser over the same tables as the site's analyses.",
  },
  title: "Ask the data your own questions",
  lede: "A SQL notebook over the dataset's tables, run by DuckDB in your browser: nothing you type leaves this page. Each cell's result becomes a table that later cells can use; share the notebook as a link or save it as a .sql file.",
  toolbar: {
    label: "Notebook",
    add: "Add cell",
    runAll: "Run all",
    stop: "Stop",
    examples: "Examples",
    examplesPick: "Open an example…",
    export: "Export .sql",
    import: "Import .sql",
    imported: "Notebook imported from the file.",
    share: "Copy link",
    link: "Link to this notebook",
    copied: "Link copied: it opens this notebook, cells and SQL included.",
    copyHint: "Copy this link: it opens this notebook, cells and SQL included.",
  },
  engine: {
    starting: "Starting DuckDB…",
    ready: "DuckDB ready",
    failed: "DuckDB could not start: {message}",
  },
  cell: {
    label: "Cell {name}",
    name: "Name",
    run: "Run",
    cancel: "Cancel",
    runHint: "Run this cell (Ctrl+Enter or ⌘+Enter in the editor)",
    up: "Move cell up",
    down: "Move cell down",
    remove: "Delete cell",
    sqlLabel: "SQL of cell {name}",
    placeholder: "SELECT … FROM recipes — Ctrl+Enter to run",
    csv: "Download full result (CSV)",
  },
  status: {
    queued: "Waiting for the query before it…",
    running: "Running…",
    stale: "Changed since it last ran: run it again to update its table.",
    done: "{rows} rows · {time}",
    statement: "Done · {time}",
    sql: "Error: {message}",
    timeout:
      "Stopped: the query took longer than the time limit. Narrow it (a WHERE, a LIMIT, fewer joins) and run it again.",
    cancelled: "Cancelled. The notebook is ready for the next query.",
    load: "A table could not be loaded: {message}",
    engine: "DuckDB failed: {message}",
    loading: "Loading table {table}: {loaded} of {total} MB…",
    loaded: "Table {table} loaded; running…",
    dependency: "Running {name} first: this cell reads its table…",
    dependencyFailed: "Cell {name}, which this cell reads, failed: fix it first.",
  },
  table: {
    label: "Result of cell {name}",
    previous: "Previous",
    next: "Next",
    sort: "Sort by {column}",
    empty: "The query returned no rows.",
    range: "Rows {from}–{to} of {total}",
    rangeOf: "Rows {from}–{to} of the first {shown} shown; {total} in the whole result (download it as CSV)",
  },
  chart: {
    title: "Chart",
    type: "Chart",
    x: "x",
    y: "y",
    types: { bar: "Bars", line: "Line", dot: "Dots", histogram: "Histogram" },
    error: "This chart cannot be drawn from these columns: {message}",
    unavailable: "The chart could not be loaded: {message}",
  },
  errors: {
    nameEmpty: "A cell needs a name.",
    nameSyntax: "“{name}” is not a SQL name: use letters, digits and _, starting with a letter or _.",
    nameTooLong: "“{name}” is longer than {max} characters.",
    nameReserved: "“{name}” is a SQL keyword: choose another name.",
    nameTable:
      "“{name}” is one of the dataset's tables: a cell of that name would hide it. Choose another name.",
    nameTaken: "Another cell is already named “{name}”.",
    sqlEmpty: "The cell has no SQL to run.",
    sqlMany:
      "A cell runs one statement: split it into cells (each cell's result is a table later cells can use).",
    sqlUnclosed: "The SQL has an unclosed quote or comment.",
    importEmpty: "The file holds no cell.",
    importName:
      "Line {line} of the file: the cell name “{name}” cannot be used (a SQL name, unique, not a table of the dataset).",
    tooManyCells: "A notebook holds at most {max} cells.",
  },
  share: {
    analysis: "The queries of the analysis {analysis}, as the build ran them. Run them, then change them.",
    analysisFailed: "The analysis could not be opened: {message}",
    problems: {
      version:
        "This link was made by another version of the page and cannot be read. An empty notebook is open instead.",
      corrupt:
        "This link is damaged (cut short or altered?) and cannot be read. An empty notebook is open instead.",
      tooLarge: "This link holds more than a notebook can. An empty notebook is open instead.",
      invalid:
        "This link's notebook is not valid (a cell name or its SQL). An empty notebook is open instead.",
    },
  },
  empty: {
    title: "A notebook of SQL cells",
    what: "Write SQL (DuckDB's dialect) over the dataset's tables: recipes, interactions, their ingredients and tags, and the rows the cleaning set aside. The queries run in your browser: DuckDB starts when this page opens, and each table is loaded the first time a query reads it.",
    cells:
      "Each cell has a name; its result becomes a table of that name, so a later cell can read it (SELECT … FROM my_cell). Run a cell with its button or Ctrl+Enter, every cell with Run all. Results show as a table you can sort and as a chart you pick.",
    start: "Start from an example, or add a cell:",
    tables: "Tables and columns",
    open: "Open",
  },
  examples: {
    opened: "Example “{title}” opened: run all to see its results.",
    finder: {
      title: "Recipe finder",
      summary:
        "Recipes with all the ingredients you name, ready in 30 minutes or less, the most rated first.",
      cells: {
        wanted: "The ingredients you have: one row each.",
        quick: "Recipes that use every one of them and take 30 minutes or less.",
        finder: "Their ratings (a rating of 0 is a review without one).",
      },
    },
    bestRated: {
      title: "Best-rated recipes",
      summary: "The best mean ratings among recipes rated at least 20 times.",
      cells: {
        rated: "Ratings per recipe (0 means no rating, so it is left out).",
        best: "The best mean ratings among recipes with at least 20 ratings.",
      },
    },
    reviewers: {
      title: "Prolific reviewers",
      summary: "The 20 most prolific reviewers, and how their ratings compare with everyone's.",
      cells: {
        prolific: "The 20 readers who wrote the most reviews.",
        habits: "Ratings given by them and by everyone.",
        shares: "The share of each rating, theirs against everyone's (%).",
      },
    },
  },
};
export type ExploreMessages = typeof explore;

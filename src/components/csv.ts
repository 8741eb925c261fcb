// CSV text of plain row objects, for the cards' "Data (CSV)" downloads. A few lines of our own
// instead of a table library: arquero's toCSV pulled arquero, acorn and flechette (~70 KB gzipped)
// into every page with a download button, for the one call a click makes.

/** One field as RFC 4180 text: empty when missing, ISO for dates, quoted when it must be. */
function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "" : value.toISOString();
  else if (typeof value === "object") text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Columns in the first row's key order; dates as ISO strings, missing values empty. */
export function toCsv(rows: readonly object[]): string {
  if (rows.length === 0) return "";
  const columns = Object.keys(rows[0]);
  const lines = [columns.map(field).join(",")];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    lines.push(columns.map((c) => field(record[c])).join(","));
  }
  return lines.join("\n");
}

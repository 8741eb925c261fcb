// Python literals as the Kaggle dump holds them: `repr()` of a list of str (items in single
// quotes, or in double quotes when the item holds a single quote and no double quote) and the
// nutrition list of floats printed with one decimal.

/** Backslashes and control characters need escapes in a repr. */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/** Python's repr() of a str. */
export function pyStr(s: string): string {
  const hasSingle = s.includes("'");
  const quote = hasSingle && !s.includes('"') ? '"' : "'";
  if (!needsEscape(s) && !(quote === "'" && hasSingle)) return quote + s + quote;
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + quote;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}

/** Python's repr() of a list of str: `['a', "mom's"]`. */
export function pyList(items: readonly string[]): string {
  let out = "[";
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ", ";
    out += pyStr(items[i]);
  }
  return out + "]";
}

/** A list of floats with one decimal, e.g. `[51.5, 0.0, 13.0]` (no exponent below 1e16). */
export function pyFloatList(values: readonly number[]): string {
  let out = "[";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ", ";
    out += values[i].toFixed(1);
  }
  return out + "]";
}

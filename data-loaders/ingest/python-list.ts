// Python list-of-str literals (`['a', "mom's", 'it\'s a 9" pan']`), the way the Kaggle dump stores
// tags, steps and ingredients, parsed in DuckDB SQL so the cleaning never leaves the database.
//
// `py_list(text)` gives the list, or NULL when the text is not a well-formed list of string
// literals, or a NULL item when an item holds an escape this parser refuses; `py_list_ok(text,
// list)` tells whether it read the text in full (false for a missing value). To parse each text
// once, a query extracts the quoted items (`py_items`) in one step and builds the list from them
// (`py_list_of`): a text that is exactly `[` + items joined by ", " + `]` — what repr() writes —
// is well-formed without a second regex pass; any other text is checked against the full grammar.
// Before all that, `py_list_plain` reads the commonest text with one match and a split, no
// extraction: repr() of a list whose items hold no quote, double quote or backslash is `['` + the
// items joined by `', '` + `']`; a text of exactly that shape is split on `', '` (NULL otherwise:
// take the general path, which gives the same list for it, at several times the cost).
// Accepted, as Python reads them: both quote kinds, a trailing comma, any spacing, and the escapes
// \\ \' \" \n \r \t \a \b \f \v \xhh \uhhhh \Uhhhhhhhh and backslash-newline (a line continuation,
// removed); an unknown escape such as \d stays as written, as in Python. Refused (→ bad_list):
// octal escapes (\0 … \777), named escapes \N{…}, malformed or out-of-range \x \u \U, a surrogate
// code point, string prefixes (r'', u'', b''), and implicit concatenation ('a' 'b'). Python's
// repr(), which wrote the dump, produces none of them. Raw line breaks inside an item are accepted.

/** One quoted item: any character but its quote and the backslash, or a backslash and any character. */
const ITEM = String.raw`'(?:[^'\\]|\\[\s\S])*'|"(?:[^"\\]|\\[\s\S])*"`;
/** A whole list: `[]`, or items separated by commas, with an optional trailing comma. */
const LIST = String.raw`\[\s*(?:(?:${ITEM})\s*(?:,\s*(?:${ITEM})\s*)*,?\s*)?\]`;
/** A list as repr() writes plain items (no quote, double quote or backslash in them): `['a', 'b']`. */
const PLAIN_LIST = String.raw`\['[^'"\\]*'(?:, '[^'"\\]*')*\]`;
/** Escapes that name a code point in hexadecimal. */
const HEX = String.raw`\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}`;

const sql = (pattern: string) => `'${pattern.replaceAll("'", "''")}'`;

/**
 * The macros. An item is unescaped in two steps: split on `\\` pairs (scanning left to right, as
 * Python's tokenizer pairs backslashes), then in each piece replace the one-character escapes and
 * decode the hexadecimal ones; the pieces are joined with a single backslash. Only lists holding
 * a backslash take this path, so clean data costs one extraction and one comparison per list.
 */
export const PY_LIST_MACROS = `
  CREATE OR REPLACE MACRO py_simple_escapes(p) AS
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(p,
      '\\' || chr(10), ''), '\\''', ''''), '\\"', '"'), '\\n', chr(10)), '\\r', chr(13)), '\\t', chr(9)),
      '\\a', chr(7)), '\\b', chr(8)), '\\f', chr(12)), '\\v', chr(11));
  CREATE OR REPLACE MACRO py_hex_escapes(p) AS regexp_extract_all(p, ${sql(HEX)});
  CREATE OR REPLACE MACRO py_code_point(e) AS ('0x' || e[3:])::BIGINT;
  CREATE OR REPLACE MACRO py_piece(p) AS
    CASE
      WHEN NOT contains(p, '\\') THEN p
      WHEN regexp_matches(p, ${sql(String.raw`\\[0-7N]`)}) THEN NULL
      WHEN len(regexp_extract_all(p, ${sql(String.raw`\\[xuU]`)})) <> len(py_hex_escapes(p)) THEN NULL
      WHEN len(list_filter(py_hex_escapes(p), e -> py_code_point(e) > 1114111
             OR py_code_point(e) BETWEEN 55296 AND 57343)) > 0 THEN NULL
      ELSE array_to_string(list_transform(string_split_regex(p, ${sql(HEX)}), (seg, i) ->
             seg || CASE WHEN i <= len(py_hex_escapes(p))
                         THEN chr(py_code_point(py_hex_escapes(p)[i])::INTEGER) ELSE '' END), '')
    END;
  CREATE OR REPLACE MACRO py_join_pieces(pieces) AS
    CASE WHEN len(list_filter(pieces, x -> x IS NULL)) > 0 THEN NULL ELSE array_to_string(pieces, '\\') END;
  CREATE OR REPLACE MACRO py_item(q) AS
    CASE WHEN NOT contains(q, '\\') THEN q[2:-2]
         ELSE py_join_pieces(list_transform(string_split(q[2:-2], '\\\\'), p -> py_piece(py_simple_escapes(p))))
    END;
  CREATE OR REPLACE MACRO py_items(s) AS regexp_extract_all(s, ${sql(ITEM)});
  CREATE OR REPLACE MACRO py_list_of(s, items) AS
    CASE WHEN NOT (s = '[' || array_to_string(items, ', ') || ']' OR regexp_full_match(s, ${sql(LIST)})) THEN NULL
         WHEN contains(s, '\\') THEN list_transform(items, q -> py_item(q))
         ELSE list_transform(items, q -> q[2:-2]) END;
  CREATE OR REPLACE MACRO py_list_plain(s) AS
    CASE WHEN s = '[]' THEN []::VARCHAR[]
         WHEN regexp_full_match(s, ${sql(PLAIN_LIST)}) THEN string_split(s[3:-3], ''', ''') END;
  CREATE OR REPLACE MACRO py_list(s) AS coalesce(py_list_plain(s), py_list_of(s, py_items(s)));
  CREATE OR REPLACE MACRO py_list_ok(s, parsed) AS
    parsed IS NOT NULL AND (NOT contains(s, '\\') OR len(list_filter(parsed, x -> x IS NULL)) = 0);
`;

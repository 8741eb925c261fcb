// SQL macros the cleaning uses to read raw text: ids, the nutrition list, Python string lists
// (python-list.ts), and the season of a month. Created once per ingest session.
import { PY_LIST_MACROS } from "./python-list.js";

/** A decimal number as Python prints a float: 51.5, 0.0, -3, 1e-05 (no nan, no inf). */
const NUMBER = String.raw`[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?`;
/** The nutrition list: exactly seven numbers. */
const NUTRITION = String.raw`\[\s*${NUMBER}\s*(?:,\s*${NUMBER}\s*){6}\]`;

export const MACROS = `
  ${PY_LIST_MACROS}
  -- A whole number written plainly (TRY_CAST alone would take '1.5', '1e3', '0x10' or '1_000').
  CREATE OR REPLACE MACRO parse_integer(s) AS
    CASE WHEN regexp_full_match(s, '[+-]?[0-9]+') THEN TRY_CAST(s AS INTEGER) END;
  CREATE OR REPLACE MACRO parse_bigint(s) AS
    CASE WHEN regexp_full_match(s, '[+-]?[0-9]+') THEN TRY_CAST(s AS BIGINT) END;
  -- The seven nutrition numbers, or NULL when the text is anything else. A number too big for a
  -- DOUBLE reads as infinity: the cleaning checks every item is finite.
  CREATE OR REPLACE MACRO nutrition_numbers(s) AS
    CASE WHEN regexp_full_match(s, '${NUTRITION}') THEN TRY_CAST(s AS DOUBLE[]) END;
  CREATE OR REPLACE MACRO season_of(m) AS
    CASE WHEN m IN (12, 1, 2) THEN 'winter' WHEN m IN (3, 4, 5) THEN 'spring'
         WHEN m IN (6, 7, 8) THEN 'summer' ELSE 'autumn' END;
`;

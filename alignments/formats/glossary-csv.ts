import { isLanguage, type Language } from "../languages";
import { CONCEPT_LAYOUT_HINT, parseConceptRows, readsAsConceptRows } from "../terms/glossary-concepts";
import type { GlossaryEntry, GlossaryProblem, GlossaryTerm } from "../terms/glossary-entry";
import { isMatchMode, MATCH_MODES, TERM_STATUSES, type MatchMode, type Term, type TermStatus } from "../terms/match";
import { CsvError, csvSeparator, formatCsv, parseCsv, type CsvRow } from "./csv";

/**
 * The glossary's exchange format: one row per term, the terms of one entry sharing its `entry` key.
 *
 *   entry,language,term,status,match,domain,source,note
 *   mla,fr,entraide judiciaire,preferred,inflected,international cooperation,Tandem starter glossary,
 *   mla,en,mutual legal assistance,preferred,inflected,,,
 *
 * (The other layout, one row per concept with a column per language, is in terms/glossary-concepts.ts; the reader
 * takes either, by the first line's column names.)
 *
 * Only entry, language and term are required; status defaults to preferred and match to inflected. An
 * entry's domain, source and note are read from its first row that has them. A cell whose text begins with
 * =, +, -, @, a tab or a carriage return is written with a leading apostrophe, so that a spreadsheet does not
 * run it as a formula, and read back without it (formats/csv.ts: toSpreadsheetCell, fromSpreadsheetCell).
 */
export const GLOSSARY_COLUMNS = ["entry", "language", "term", "status", "match", "domain", "source", "note"] as const;

export interface ParsedGlossary {
  entries: GlossaryEntry[];
  problems: GlossaryProblem[];
  /** What was left out without refusing the file (columns of other languages). */
  notes?: string[];
  layout?: "terms" | "concepts";
}

export function parseGlossaryCsv(text: string): ParsedGlossary {
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (error) {
    // A broken quote makes every later row doubtful: nothing of the file is taken.
    if (error instanceof CsvError) return { entries: [], problems: [{ line: error.line, message: error.message }] };
    throw error;
  }
  const problems: GlossaryProblem[] = [];
  if (rows.length === 0) return { entries: [], problems: [{ line: 1, message: "The file is empty." }] };
  const header = rows[0].cells.map((c) => c.trim().toLowerCase());
  const column = Object.fromEntries(GLOSSARY_COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<(typeof GLOSSARY_COLUMNS)[number], number>;
  const missing = (["entry", "language", "term"] as const).filter((name) => column[name] < 0);
  // A file without the language and term columns but with a column per language is one concept per row.
  if (column.language < 0 && column.term < 0 && readsAsConceptRows(rows[0].cells)) {
    return { ...parseConceptRows(rows, csvSeparator(text)), layout: "concepts" };
  }
  if (missing.length > 0) {
    return {
      entries: [],
      problems: [{ line: 1, message: `The first line must name the columns; missing: ${missing.join(", ")} (expected ${GLOSSARY_COLUMNS.join(",")}, ${CONCEPT_LAYOUT_HINT}).` }],
    };
  }
  const entries = new Map<string, GlossaryEntry>();
  for (const row of rows.slice(1)) {
    const cell = (name: (typeof GLOSSARY_COLUMNS)[number]) => (column[name] >= 0 ? (row.cells[column[name]] ?? "").trim() : "");
    const key = cell("entry");
    const language = cell("language").toLowerCase();
    const term = cell("term");
    const status = (cell("status") || "preferred").toLowerCase();
    const match = (cell("match") || "inflected").toLowerCase();
    const problem = !key
      ? "the entry key is empty"
      : !isLanguage(language)
        ? `the language is “${cell("language")}”; use fr or en`
        : !term
          ? "the term is empty"
          : !(TERM_STATUSES as readonly string[]).includes(status)
            ? `the status is “${cell("status")}”; use ${TERM_STATUSES.join(", ")}`
            : !isMatchMode(match)
              ? `the match is “${cell("match")}”; use ${MATCH_MODES.join(", ")}`
              : null;
    if (problem) {
      problems.push({ line: row.line, message: `Line ${row.line}: ${problem}.` });
      continue;
    }
    const entry = entries.get(key) ?? { key, domain: "", source: "", note: "", terms: [] };
    entry.domain ||= cell("domain");
    entry.source ||= cell("source");
    entry.note ||= cell("note");
    const duplicate = entry.terms.some((t) => t.language === language && t.text.toLowerCase() === term.toLowerCase());
    if (duplicate) problems.push({ line: row.line, message: `Line ${row.line}: “${term}” is already a term of entry “${key}”.` });
    else entry.terms.push({ language: language as Language, text: term, status: status as TermStatus, match: match as MatchMode });
    entries.set(key, entry);
  }
  return { entries: [...entries.values()], problems, layout: "terms" };
}

export function formatGlossaryCsv(entries: readonly GlossaryEntry[]): string {
  const rows: string[][] = [[...GLOSSARY_COLUMNS]];
  for (const entry of entries) {
    entry.terms.forEach((term, k) => {
      const first = k === 0;
      rows.push([entry.key, term.language, term.text, term.status, term.match, first ? entry.domain : "", first ? entry.source : "", first ? entry.note : ""]);
    });
  }
  return formatCsv(rows);
}

/** Terms to match, numbered in file order: entry k is concept k + 1. */
export function termsOfEntries(entries: readonly GlossaryEntry[]): Term[] {
  let id = 0;
  return entries.flatMap((entry, k) => entry.terms.map((t) => ({ id: ++id, concept: k + 1, language: t.language, text: t.text, status: t.status, match: t.match })));
}

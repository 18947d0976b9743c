import { LANGUAGE_NAMES, LANGUAGES, languageOfTag, type Language } from "../languages";
import { formatCsv, type CsvRow } from "../formats/csv";
import type { GlossaryEntry, GlossaryProblem, GlossaryTerm } from "./glossary-entry";
import { isMatchMode, MATCH_MODES, TERM_STATUSES, type MatchMode, type TermStatus } from "./match";

/**
 * The glossary as termbases exchange it in spreadsheets (memoQ, Trados MultiTerm, Excel): one row per concept,
 * a column per language, and per language its status, match and note columns.
 *
 *   entry,domain,source,note,en,en_status,en_match,en_note,fr,fr_status,fr_match,fr_note
 *   mla,international cooperation,starter,,mutual legal assistance,preferred,inflected,,entraide judiciaire|entraide juridique,preferred|admitted,inflected,
 *
 * Several terms of one language share a cell, separated by "|" (memoQ's import asks which character splits
 * alternatives in a field; "|" and ";" are the usual ones). Tandem writes "|"; it reads "|", or ";" in a file
 * whose term cells hold no "|" and whose columns are not separated by ";" (so a term with a ";" comes back
 * whole from Tandem's own files whenever one cell has two terms). A status or match column holds one value for all the terms of its cell, or one per term. On
 * import the language columns may also be named English/French (Anglais/Français) or by a tag (en-US,
 * fr_CA); the entry's columns also as id, concept, subject, subject field, comment. Tandem keeps one note per
 * entry: a language's note joins it as a line "French: …", and such lines go back to their column on export.
 */

export const ALTERNATIVES = "|";
const LANGUAGE_FIELDS = ["status", "match", "note"] as const;
type LanguageField = (typeof LANGUAGE_FIELDS)[number];
type EntryField = "key" | "domain" | "source" | "note";

/** English first, as the source language of the corpus (and of TBX exports). */
const COLUMN_LANGUAGES = ["en", "fr"] as const;
export const CONCEPT_COLUMNS = ["entry", "domain", "source", "note", ...COLUMN_LANGUAGES.flatMap((l) => [l, `${l}_status`, `${l}_match`, `${l}_note`])];
export const CONCEPT_LAYOUT_HINT = `or one row per concept with a column per language: ${CONCEPT_COLUMNS.join(",")}`;

const ENTRY_HEADINGS: Record<string, EntryField> = {
  entry: "key",
  "entry id": "key",
  entry_id: "key",
  id: "key",
  key: "key",
  concept: "key",
  "concept id": "key",
  concept_id: "key",
  domain: "domain",
  entry_domain: "domain",
  subject: "domain",
  entry_subject: "domain",
  "subject field": "domain",
  subjectfield: "domain",
  source: "source",
  entry_source: "source",
  note: "note",
  notes: "note",
  entry_note: "note",
  comment: "note",
};

const LANGUAGE_HEADINGS: Record<string, Language> = { english: "en", anglais: "en", french: "fr", français: "fr", francais: "fr" };
const FIELD_HEADINGS: Record<string, LanguageField> = { status: "status", match: "match", note: "note", notes: "note", comment: "note" };

/** A heading's language when it names one: "en", "English", "fr-CA", "FR_fr"; null for anything else. */
function languageOfHeading(heading: string): Language | null {
  if (LANGUAGE_HEADINGS[heading]) return LANGUAGE_HEADINGS[heading];
  return /^[a-z]{2,3}(?:[-_](?:[a-z]{2}|[a-z]{4}|\d{3}))?$/.test(heading) ? languageOfTag(heading) : null;
}

type Column = { kind: "entry"; field: EntryField } | { kind: "term"; language: Language } | { kind: "language"; language: Language; field: LanguageField } | { kind: "other" };

function columnOf(cell: string): Column {
  const heading = cell.trim().toLowerCase().replace(/\s+/g, " ");
  if (ENTRY_HEADINGS[heading]) return { kind: "entry", field: ENTRY_HEADINGS[heading] };
  // The field first: "en_note" would otherwise read as a language tag with a script subtag.
  const split = /^(.+?)[ _-]+(status|match|notes?|comment)$/.exec(heading);
  const base = split ? languageOfHeading(split[1]) : null;
  if (split && base) return { kind: "language", language: base, field: FIELD_HEADINGS[split[2]] };
  const language = languageOfHeading(heading);
  return language ? { kind: "term", language } : { kind: "other" };
}

/**
 * Whether a first line names a term column for English and one for French (so the file is one concept per
 * row). Both, because the first row of a term-per-row file without its header holds one language code ("fr").
 */
export function readsAsConceptRows(header: readonly string[]): boolean {
  const languages = new Set(header.map(columnOf).flatMap((c) => (c.kind === "term" ? [c.language] : [])));
  return languages.size === COLUMN_LANGUAGES.length;
}

const TBX_STATUS: Record<string, TermStatus> = { superseded: "deprecated", obsolete: "deprecated" };

/** A status as termbases write it: ours, or TBX's ("preferredTerm-admn-sts", "supersededTerm"). */
function statusOf(value: string): TermStatus | null {
  const v = value.trim().toLowerCase().replace(/-admn-sts$/, "").replace(/ ?term$/, "");
  if ((TERM_STATUSES as readonly string[]).includes(v)) return v as TermStatus;
  return TBX_STATUS[v] ?? null;
}

export function parseConceptRows(rows: readonly CsvRow[], separator: string): { entries: GlossaryEntry[]; problems: GlossaryProblem[]; notes: string[] } {
  const columns = rows[0].cells.map(columnOf);
  const ignored = rows[0].cells.filter((_, k) => columns[k].kind === "other" && rows[0].cells[k].trim() !== "");
  // "|" separates a cell's terms; ";" too in a file without any "|" in its term cells, unless it separates columns.
  const termColumns = columns.flatMap((c, k) => (c.kind === "term" ? [k] : []));
  const bars = rows.slice(1).some((row) => termColumns.some((k) => row.cells[k]?.includes(ALTERNATIVES)));
  const alternatives = bars || separator === ";" ? ALTERNATIVES : ";";
  const split = (cell: string) => cell.split(alternatives).map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean);
  const problems: GlossaryProblem[] = [];
  const entries: GlossaryEntry[] = [];
  for (const row of rows.slice(1)) {
    const cellOf = (wanted: (c: Column) => boolean) => {
      const k = columns.findIndex(wanted);
      return k < 0 ? "" : (row.cells[k] ?? "").trim();
    };
    const entryCell = (field: EntryField) => cellOf((c) => c.kind === "entry" && c.field === field);
    const problem = (message: string) => problems.push({ line: row.line, message: `Line ${row.line}: ${message}.` });
    const terms: GlossaryTerm[] = [];
    const languageNotes: string[] = [];
    for (const language of COLUMN_LANGUAGES) {
      const name = LANGUAGE_NAMES[language];
      const field = (f: LanguageField) => cellOf((c) => c.kind === "language" && c.language === language && c.field === f);
      const texts = split(cellOf((c) => c.kind === "term" && c.language === language));
      const note = field("note");
      if (note) languageNotes.push(`${name}: ${note}`);
      if (texts.length === 0) continue;
      const statuses = split(field("status"));
      const matches = split(field("match"));
      const perTerm = <T>(values: string[], what: string, read: (v: string) => T | null, fallback: T, allowed: readonly string[]): T[] | null => {
        if (values.length > 1 && values.length !== texts.length) {
          problem(`${texts.length} ${name} terms but ${values.length} ${what === "match" ? "matches" : "statuses"}; give one ${what} for all, or one per term`);
          return null;
        }
        const known = values.map(read);
        const bad = known.findIndex((value) => value === null);
        if (bad >= 0) {
          problem(`the ${name} ${what} is “${values[bad]}”; use ${allowed.join(", ")}`);
          return null;
        }
        return texts.map((_, k) => (known.length === 0 ? fallback : (known[known.length === 1 ? 0 : k] as T)));
      };
      const status = perTerm(statuses, "status", statusOf, "preferred" as TermStatus, TERM_STATUSES);
      const match = perTerm(matches, "match", (v) => (isMatchMode(v.toLowerCase()) ? (v.toLowerCase() as MatchMode) : null), "inflected" as MatchMode, MATCH_MODES);
      if (!status || !match) continue;
      texts.forEach((text, k) => {
        if (terms.some((t) => t.language === language && t.text.toLowerCase() === text.toLowerCase())) problem(`“${text}” is twice among the ${name} terms`);
        else terms.push({ language, text, status: status[k], match: match[k] });
      });
    }
    if (terms.length === 0) {
      if (!problems.some((p) => p.line === row.line)) problem("there is no English or French term");
      continue;
    }
    const note = [entryCell("note"), ...languageNotes].filter(Boolean).join("\n");
    entries.push({ key: entryCell("key"), domain: entryCell("domain"), source: entryCell("source"), note, terms });
  }
  const notes = ignored.length > 0 ? [`Columns left out (Tandem keeps French and English terms): ${ignored.map((c) => `“${c.trim()}”`).join(", ")}.`] : [];
  return { entries, problems, notes };
}

/** An entry's note as its general part and its languages' lines ("French: …"), as the concept layout writes them. */
export function splitNote(note: string): { general: string } & Record<Language, string> {
  const out = { general: [] as string[], en: [] as string[], fr: [] as string[] };
  for (const line of note.split("\n")) {
    const language = LANGUAGES.find((l) => line.startsWith(`${LANGUAGE_NAMES[l]}: `));
    if (language) out[language].push(line.slice(LANGUAGE_NAMES[language].length + 2));
    else out.general.push(line);
  }
  return { general: out.general.join("\n"), en: out.en.join("\n"), fr: out.fr.join("\n") };
}

/** The whole glossary as one row per concept. A status or match shared by all terms of a cell is written once. */
export function formatConceptCsv(entries: readonly GlossaryEntry[]): string {
  const rows: string[][] = [[...CONCEPT_COLUMNS]];
  const once = (values: string[]) => (new Set(values).size <= 1 ? (values[0] ?? "") : values.join(ALTERNATIVES));
  for (const entry of entries) {
    const note = splitNote(entry.note);
    const row = [entry.key, entry.domain, entry.source, note.general];
    for (const language of COLUMN_LANGUAGES) {
      const terms = entry.terms.filter((t) => t.language === language);
      row.push(terms.map((t) => t.text).join(ALTERNATIVES), once(terms.map((t) => t.status)), once(terms.map((t) => t.match)), note[language]);
    }
    rows.push(row);
  }
  return formatCsv(rows);
}

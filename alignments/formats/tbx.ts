import { languageOfTag } from "../languages";
import type { GlossaryEntry, GlossaryProblem } from "../terms/glossary-entry";
import { isMatchMode, type TermStatus } from "../terms/match";
import { droppedNote, xmlAttribute, xmlText, type XmlWriteStats } from "./xml";
import { childElements, parseXml, textContent, XmlError, type XmlElement } from "./xml-read";

/**
 * TBX v3 (ISO 30042:2019), DCA style, for the glossary: one `conceptEntry` per entry, a `langSec` per
 * language, a `termSec` per term with its status as TBX-Basic's administrativeStatus. What TBX-Basic has
 * no category for (a forbidden term, the match mode, evidence counts) goes in `x-` types, which the core
 * structure allows and other tools ignore.
 */

const STATUS_TO_TBX: Record<TermStatus, string> = {
  preferred: "preferredTerm-admn-sts",
  admitted: "admittedTerm-admn-sts",
  deprecated: "deprecatedTerm-admn-sts",
  // TBX-Basic has no "forbidden": the closest is deprecated, and x-tandemStatus says which it was.
  forbidden: "deprecatedTerm-admn-sts",
};

export interface TbxOptions {
  /** Evidence counts per entry key and term text ("entry\u0000language\u0000text"), written as x-evidenceCount. */
  evidence?: ReadonlyMap<string, number>;
  title?: string;
}

export const evidenceKey = (entry: string, language: string, text: string) => `${entry}\u0000${language}\u0000${text}`;

export function* tbxChunks(entries: Iterable<GlossaryEntry>, options: TbxOptions = {}, stats: XmlWriteStats = { dropped: 0 }): Generator<string> {
  yield* termbaseChunks(DIALECTS.v3, entries, options, stats);
}

/**
 * TBX-Basic in the older form (ISO 30042:2008, `martif`, `martifHeader`, `termEntry` / `langSet` / `tig`),
 * which many CAT tools still read and not the v3 form. Only TBX-Basic's data categories are written (subject
 * field, source, note, administrative status), so a validator holding the file to TBX-Basic finds nothing
 * foreign: a forbidden term goes out as deprecated, the match mode and the evidence counts are left out (the v3
 * export and the CSV keep them), and an entry's key is its id when it is a valid XML name (else "entry-N").
 */
export function* martifChunks(entries: Iterable<GlossaryEntry>, options: Pick<TbxOptions, "title"> = {}, stats: XmlWriteStats = { dropped: 0 }): Generator<string> {
  yield* termbaseChunks(DIALECTS.martif, entries, options, stats);
}

/** The two forms' names for the same structure; only v3 carries Tandem's own x- categories. */
const DIALECTS = {
  v3: {
    prolog: '<?xml version="1.0" encoding="UTF-8"?>\n',
    root: '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
    names: { root: "tbx", header: "tbxHeader", entry: "conceptEntry", language: "langSec", term: "termSec" },
    encodingDesc: "",
    tandem: true,
  },
  martif: {
    prolog: '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n',
    root: '<martif type="TBX-Basic" xml:lang="en">',
    names: { root: "martif", header: "martifHeader", entry: "termEntry", language: "langSet", term: "tig" },
    encodingDesc: '    <encodingDesc>\n      <p type="XCSURI">TBXBasicXCSV02.xcs</p>\n    </encodingDesc>\n',
    tandem: false,
  },
} as const;

type Dialect = (typeof DIALECTS)[keyof typeof DIALECTS];

function* termbaseChunks(dialect: Dialect, entries: Iterable<GlossaryEntry>, options: TbxOptions, stats: XmlWriteStats): Generator<string> {
  const t = (text: string) => xmlText(text, stats);
  const names = dialect.names;
  const droppedBefore = stats.dropped;
  yield `${dialect.prolog}${dialect.root}\n`;
  yield `  <${names.header}>\n    <fileDesc>\n      <sourceDesc>\n        <p>${t(options.title ?? "Glossary exported by Tandem")}</p>\n      </sourceDesc>\n    </fileDesc>\n${dialect.encodingDesc}  </${names.header}>\n  <text>\n    <body>\n`;
  let n = 0;
  for (const entry of entries) {
    n++;
    let out = `      <${names.entry} id="${xmlAttribute(idOf(entry.key, n))}">\n`;
    if (entry.domain) out += `        <descrip type="subjectField">${t(entry.domain)}</descrip>\n`;
    if (entry.source) out += `        <admin type="source">${t(entry.source)}</admin>\n`;
    if (entry.note) out += `        <note>${t(entry.note)}</note>\n`;
    if (dialect.tandem) out += `        <admin type="x-entryKey">${t(entry.key)}</admin>\n`;
    for (const language of ["en", "fr"] as const) {
      const terms = entry.terms.filter((term) => term.language === language);
      if (terms.length === 0) continue;
      out += `        <${names.language} xml:lang="${language}">\n`;
      for (const term of terms) {
        out += `          <${names.term}>\n            <term>${t(term.text)}</term>\n`;
        out += `            <termNote type="administrativeStatus">${STATUS_TO_TBX[term.status]}</termNote>\n`;
        if (dialect.tandem) {
          out += `            <termNote type="x-tandemStatus">${term.status}</termNote>\n`;
          out += `            <termNote type="x-matchMode">${term.match}</termNote>\n`;
          const count = options.evidence?.get(evidenceKey(entry.key, language, term.text));
          if (count !== undefined) out += `            <admin type="x-evidenceCount">${count}</admin>\n`;
        }
        out += `          </${names.term}>\n`;
      }
      out += `        </${names.language}>\n`;
    }
    yield `${out}      </${names.entry}>\n`;
  }
  yield `    </body>\n  </text>\n</${names.root}>\n`;
  const note = droppedNote(stats.dropped - droppedBefore);
  if (note) yield note;
}

/** An xml:id: a name start character, then name characters; the entry key when it fits, else a number. */
function idOf(key: string, n: number): string {
  return /^[A-Za-z_][-A-Za-z0-9_.]*$/.test(key) ? key : `entry-${n}`;
}

const TBX_TO_STATUS: Record<string, TermStatus> = {
  "preferredterm-admn-sts": "preferred",
  "admittedterm-admn-sts": "admitted",
  "deprecatedterm-admn-sts": "deprecated",
  "supersededterm-admn-sts": "deprecated",
  preferredterm: "preferred",
  admittedterm: "admitted",
  deprecatedterm: "deprecated",
  supersededterm: "deprecated",
  legalterm: "preferred",
  regulatedterm: "preferred",
  standardizedterm: "preferred",
};

/**
 * Reads TBX v3 (`tbx` / `conceptEntry` / `langSec` / `termSec`) and the older `martif` form most term bases
 * still export (`termEntry` / `langSet` / `tig` or `ntig`). Terms in languages other than French and
 * English are left out and counted in the problems. An entry's key is Tandem's x-entryKey, else its id,
 * else empty (the importer names it after a term). Past `maxEntries` entries it stops with ReadLimitError.
 */
export function parseTbx(text: string, options: { maxEntries?: number } = {}): { entries: GlossaryEntry[]; problems: GlossaryProblem[] } {
  const limit = options.maxEntries === undefined ? {} : { maxCount: { names: ["conceptEntry", "termEntry"], max: options.maxEntries, what: "entries" as const } };
  const root = parseXml(text, limit);
  const v3 = root.name === "tbx";
  if (!v3 && root.name !== "martif") throw new XmlError(`this is not TBX: the document element is <${root.name}>, not <tbx> or <martif>`, root.line);
  const body = find(root, "body");
  if (!body) throw new XmlError("the TBX has no <body>", root.line);
  const problems: GlossaryProblem[] = [];
  const entries: GlossaryEntry[] = [];
  const skipped = new Map<string, number>();
  for (const concept of childElements(body, v3 ? "conceptEntry" : "termEntry")) {
    const typed = (element: XmlElement, name: string, type: string) => childElements(element, name).find((c) => c.attributes.type === type);
    const entry: GlossaryEntry = {
      key: textOf(typed(concept, "admin", "x-entryKey")) || concept.attributes.id || "",
      domain: textOf(typed(concept, "descrip", "subjectField")),
      source: textOf(typed(concept, "admin", "source")),
      note: childElements(concept, "note").map((n) => textContent(n).trim()).join(" "),
      terms: [],
    };
    for (const section of childElements(concept, v3 ? "langSec" : "langSet")) {
      const tag = section.attributes["xml:lang"] ?? section.attributes.lang ?? "";
      const language = languageOfTag(tag);
      const termSections = v3 ? childElements(section, "termSec") : [...childElements(section, "tig"), ...childElements(section, "ntig")];
      for (const termSection of termSections) {
        const termElement = find(termSection, "term");
        const termText = termElement ? textContent(termElement).trim() : "";
        if (!termText) continue;
        if (language === null) {
          const primary = tag.toLowerCase().split(/[-_]/)[0] || "(none)";
          skipped.set(primary, (skipped.get(primary) ?? 0) + 1);
          continue;
        }
        const notes = descendants(termSection, "termNote");
        const noteOf = (type: string) => textOf(notes.find((n) => n.attributes.type === type));
        const tandem = noteOf("x-tandemStatus") as TermStatus;
        const status = (["preferred", "admitted", "deprecated", "forbidden"] as const).includes(tandem)
          ? tandem
          : (TBX_TO_STATUS[(noteOf("administrativeStatus") || noteOf("normativeAuthorization")).toLowerCase()] ?? "preferred");
        const mode = noteOf("x-matchMode");
        const match = isMatchMode(mode) ? mode : "inflected";
        if (entry.terms.some((t) => t.language === language && t.text.toLowerCase() === termText.toLowerCase())) continue;
        entry.terms.push({ language, text: termText, status, match });
      }
    }
    if (entry.terms.length > 0) entries.push(entry);
  }
  for (const [language, count] of skipped) problems.push({ line: 0, message: `${count} term${count > 1 ? "s" : ""} in “${language}” left out: Tandem keeps French and English.` });
  return { entries, problems };
}

function textOf(element: XmlElement | undefined): string {
  return element ? textContent(element).trim() : "";
}

/** The first descendant of that name (martif wraps body in text, tig wraps term in termGrp in some exports). */
function find(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of childElements(element)) {
    if (child.name === name) return child;
    const deeper = find(child, name);
    if (deeper) return deeper;
  }
  return undefined;
}

function descendants(element: XmlElement, name: string): XmlElement[] {
  return childElements(element).flatMap((child) => (child.name === name ? [child] : descendants(child, name)));
}

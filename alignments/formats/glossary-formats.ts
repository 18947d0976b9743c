import { formatConceptCsv } from "../terms/glossary-concepts";
import type { GlossaryEntry } from "../terms/glossary-entry";
import { formatGlossaryCsv, parseGlossaryCsv } from "./glossary-csv";
import { martifChunks, parseTbx, tbxChunks } from "./tbx";
import type { XmlWriteStats } from "./xml";

/**
 * The glossary's exchange formats, held to the same contract as the bitext formats
 * (`formats.contract.test.ts`): what goes out comes back the same, or as the format's documented normalisation.
 */
export interface GlossaryFormat {
  /** The export's name in URLs (`/glossary.csv?layout=concepts`, `/glossary.tbx?dialect=martif`). */
  name: "csv-terms" | "csv-concepts" | "tbx" | "tbx-basic-martif";
  write(entries: readonly GlossaryEntry[], stats?: XmlWriteStats): Iterable<string>;
  read(text: string): GlossaryEntry[];
  /** What the format keeps of entries, as read back. */
  normalise(entries: readonly GlossaryEntry[]): GlossaryEntry[];
}

const readCsv = (text: string) => {
  const { entries, problems } = parseGlossaryCsv(text);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join(" "));
  return entries;
};

/** XML 1.0 cannot hold most control characters: the writers drop them and count them. */
const withoutControls = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
const xmlNormalise = (entry: GlossaryEntry): GlossaryEntry => ({
  ...entry,
  domain: withoutControls(entry.domain),
  source: withoutControls(entry.source),
  note: withoutControls(entry.note),
  terms: entry.terms.map((t) => ({ ...t, text: withoutControls(t.text) })),
});
/** TBX groups an entry's terms by language, English first. */
const byLanguage = (entry: GlossaryEntry): GlossaryEntry => ({ ...entry, terms: [...entry.terms.filter((t) => t.language === "en"), ...entry.terms.filter((t) => t.language === "fr")] });

export const GLOSSARY_FORMATS: readonly GlossaryFormat[] = [
  { name: "csv-terms", write: (entries) => [formatGlossaryCsv(entries)], read: readCsv, normalise: (entries) => [...entries] },
  { name: "csv-concepts", write: (entries) => [formatConceptCsv(entries)], read: readCsv, normalise: (entries) => entries.map(byLanguage) },
  {
    name: "tbx",
    write: (entries, stats) => tbxChunks(entries, {}, stats),
    read: (text) => parseTbx(text).entries,
    normalise: (entries) => entries.map((e) => byLanguage(xmlNormalise(e))),
  },
  {
    name: "tbx-basic-martif",
    write: (entries, stats) => martifChunks(entries, {}, stats),
    read: (text) => parseTbx(text).entries,
    // TBX-Basic has no "forbidden" and no match mode; an entry's key goes out as its id when it is an XML name.
    normalise: (entries) =>
      entries.map((e, k) => ({
        ...byLanguage(xmlNormalise(e)),
        key: /^[A-Za-z_][-A-Za-z0-9_.]*$/.test(e.key) ? e.key : `entry-${k + 1}`,
        terms: byLanguage(xmlNormalise(e)).terms.map((t) => ({ ...t, status: t.status === "forbidden" ? "deprecated" : t.status, match: "inflected" })),
      })),
  },
];

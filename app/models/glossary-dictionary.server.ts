import { asc, ne, sql } from "drizzle-orm";
import { lexiconOfConcepts } from "../../alignments/align/lexicon";
import { ReadLimitError } from "../../alignments/formats/text-limit";
import { getDb, type Db } from "../../db/client.server";
import { glossaryEntries } from "../../db/schema";
import { formatCount, MAX_LEXICON_PAIRS } from "../utils/limits";
import { allEntries } from "./glossary.server";
import { PairError, type Lexicon } from "./pairs.server";

/**
 * The app's own glossary as a pair's dictionary (issue 12, item 9): all its entries, or those of one domain,
 * made into word pairs when the pair is created (in the import worker) and stored with the pair like an
 * uploaded dictionary, so a realignment uses the same words even after the glossary changed.
 */

/** The pair form's choice: no glossary, the whole glossary, or one domain of it. */
export type GlossaryChoice = { domain: string | null };

/** The form's value: "" (none), "glossary" (all entries) or "glossary:DOMAIN". */
export function glossaryChoiceOf(value: string): GlossaryChoice | null {
  if (value === "") return null;
  if (value === "glossary") return { domain: null };
  if (value.startsWith("glossary:") && value.length > "glossary:".length) return { domain: value.slice("glossary:".length) };
  throw new PairError(400, "lexicon", "Choose the dictionary from the list: the glossary, one of its domains, or none.");
}

/** The glossary's domains with their entry counts, for the pair form. */
export function glossaryDomains(db: Db = getDb()): Array<{ domain: string; entries: number }> {
  return db
    .select({ domain: glossaryEntries.domain, entries: sql<number>`count(*)` })
    .from(glossaryEntries)
    .where(ne(glossaryEntries.domain, ""))
    .groupBy(glossaryEntries.domain)
    .orderBy(asc(glossaryEntries.domain))
    .all();
}

/** The glossary (or one domain of it) as a dictionary, named so that the pair page says which was used. */
export function glossaryLexicon(choice: GlossaryChoice, db: Db = getDb()): Lexicon {
  const chosen = allEntries(db).filter((entry) => choice.domain === null || entry.domain === choice.domain);
  const both = chosen.filter((entry) => entry.terms.some((t) => t.language === "en") && entry.terms.some((t) => t.language === "fr"));
  const what = choice.domain === null ? "the glossary" : `the glossary's domain “${choice.domain}”`;
  if (both.length === 0) {
    throw new PairError(422, "lexicon", `${what[0].toUpperCase()}${what.slice(1)} has no entry with both an English and a French term, so it gives the aligner nothing: choose another dictionary, or none.`);
  }
  let entries;
  try {
    entries = lexiconOfConcepts(both, MAX_LEXICON_PAIRS);
  } catch (error) {
    if (!(error instanceof ReadLimitError)) throw error;
    throw new PairError(413, "lexicon", `${what[0].toUpperCase()}${what.slice(1)} gives more than ${formatCount(MAX_LEXICON_PAIRS)} word pairs; choose one of its domains.`);
  }
  const entryCount = `${both.length} ${both.length === 1 ? "entry" : "entries"}`;
  const name = choice.domain === null ? `Tandem glossary (all ${entryCount})` : `Tandem glossary, domain “${choice.domain}” (${entryCount})`;
  return { name, format: "glossary", entries };
}

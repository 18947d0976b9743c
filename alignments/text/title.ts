import type { BlockKind } from "./types";
import { documentSymbols, isDocumentSymbol } from "./symbols";

/**
 * A document's own title, from the headings the pipeline found at its start (its title block): what an import
 * calls a document when the user gave no title, before falling back on the file's name. A symbol heading
 * ("EG.4/2026/L.1") is kept in brackets after the title, since it names the document in every language; the
 * masthead of a UN document ("United Nations", "General Assembly", "Distr.: General"), a date line and a
 * lead-in ending with a colon are not titles.
 */

/** Headings further into a document than this many paragraphs belong to its sections, not to its title block. */
export const TITLE_BLOCK = 6;

const MASTHEAD = /^(united nations|nations unies|general assembly|assemblée générale|security council|conseil de sécurité|economic and social council|conseil économique et social|distr\b.*|original\s*:.*|limited|restricted|limitée|english|anglais|french|français)$/i;

/** Mostly figures ("Vienna, 2–4 March 2026", "Page 3", "12"): a date or number line, not a title. */
function mostlyFigures(text: string): boolean {
  const tokens = text.split(/\s+/).filter(Boolean);
  return tokens.filter((t) => /\d/.test(t)).length >= tokens.length * 0.4;
}

/** A masthead's lines run together ("27 juillet 2020 Français Original: anglais"), as a PDF's text often gives them. */
const MASTHEAD_PART = /\b(original|distr)\s*[.:]/i;

function titleLike(text: string): boolean {
  if (text.endsWith(":") || MASTHEAD.test(text) || MASTHEAD_PART.test(text) || mostlyFigures(text)) return false;
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  // A script written without spaces (Chinese, Japanese) makes a title of one "word".
  return words.length >= 2 || (words.length === 1 && /\p{Lo}{2,}/u.test(text));
}

function clip(title: string, maxLength: number): string {
  return title.length > maxLength ? `${title.slice(0, maxLength - 1).trimEnd()}…` : title;
}

/** The title the first headings give a document, or null when its start has none (prose, a list, only a symbol). */
export function titleFromHeadings(paragraphs: ReadonlyArray<{ kind: BlockKind; text: string }>, maxLength = 300): string | null {
  let symbol: string | null = null;
  for (const paragraph of paragraphs.slice(0, TITLE_BLOCK)) {
    if (paragraph.kind !== "heading") continue;
    const text = paragraph.text.replace(/\s+/g, " ").trim();
    if (isDocumentSymbol(text)) {
      symbol ??= documentSymbols(text)[0];
      continue;
    }
    if (!titleLike(text)) continue;
    const own = symbol && !text.includes(symbol) ? ` (${symbol})` : "";
    return clip(text, maxLength - own.length) + own;
  }
  return null;
}

import type { Language } from "../languages";
import { statuteMarks } from "./statute";

/**
 * Sentence boundaries in one paragraph of clean text, for French and English.
 *
 * A rule-based splitter: the texts Tandem handles (legal, institutional, journalistic) are full of
 * abbreviations, document symbols and numbered provisions that statistical splitters get wrong, and a
 * wrong split costs an alignment error on both sides. Conventions (the seeds' fixtures follow them):
 * - split after . ! ? … (and the closing quotes or brackets that follow them) when the next word starts
 *   with a capital, a digit, an opening quote or bracket;
 * - never inside a quotation that closes within the paragraph: « … » or “ … ” or "…" stays one sentence
 *   with the words that introduce or follow it;
 * - never after an abbreviation (M., Mme, art. 5, e.g., U.N.), an initial (Vinton G. Cerf), a leading
 *   enumerator (3), 1., II., C.) or an ellipsis inside brackets ((...) […]);
 * - colons and semicolons never split;
 * - a statute's units run together in prose are cut as the acts cut them (statute.ts): each definition, a list
 *   item behind its label (a), (i) or a); "[Repealed, 2001, c. 9, s. 35]" and a definition's closing
 *   "(recorded address)" stay whole with their unit. "c. 9", "ch. 9", "s. 35", "art. 35" and "al. 2" end nothing.
 */

const ALWAYS_ABBREVIATIONS: Record<Language, string[]> = {
  fr: [
    "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "mgr", "dr", "pr", "st", "ste", "cf", "p.ex", "ex",
    "env", "av", "bd", "cie", "sté", "éd", "coll", "dir", "trad", "op", "cit", "ibid", "id", "suiv", "tél",
    "vs", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "j.-c", "c.-à-d", "cad", "resp",
    "mr", "mrs", "ms", "prof", "inc", "ltd", "co", "corp",
  ],
  en: [
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "st", "gen", "col", "lt", "capt", "sgt", "gov", "sen",
    "rep", "hon", "jr", "sr", "vs", "cf", "e.g", "i.e", "viz", "al", "inc", "ltd", "co", "corp", "dept",
    "univ", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mt", "ft", "ave", "blvd", "rd",
  ],
};

/** Abbreviations that stand before a number: "art. 12", "No. 5", "p. 3", "para. 4", a statute's chapter "c. 9". */
const BEFORE_NUMBER = new Set([
  "c", "art", "arts", "no", "nos", "n", "nº", "p", "pp", "para", "paras", "par", "al", "fig", "vol", "ch", "chap",
  "sect", "s", "ss", "sec", "annex", "r", "reg", "tit", "l", "liv", "t", "rev",
]);

const OPENING = "«“‘\"'([{¿¡";
const ROMAN = /^[IVXLCDM]+$/;
const CLOSER = /[\s\u00a0\u202f]?[»”’"')\]}]/y;
const GAP = /[\s\u00a0\u202f]+/y;

interface Quote {
  open: number;
  close: number;
}

/** Spans of quotations that open and close inside the paragraph; an unbalanced quote is ignored. */
function quotationSpans(text: string): Quote[] {
  const spans: Quote[] = [];
  const stack: { char: string; at: number }[] = [];
  const pairs: Record<string, string> = { "«": "»", "“": "”" };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "«" || c === "“") {
      stack.push({ char: c, at: i });
    } else if (c === "»" || c === "”") {
      const top = findLast(stack, (q) => pairs[q.char] === c);
      if (top >= 0) {
        spans.push({ open: stack[top].at, close: i });
        stack.splice(top);
      }
    } else if (c === '"') {
      const before = i > 0 ? text[i - 1] : " ";
      const after = i + 1 < text.length ? text[i + 1] : " ";
      const top = findLast(stack, (q) => q.char === '"');
      const canClose = !/\s/.test(before) && before !== "(";
      const canOpen = /[\s(\[«“'’\-–—/]/.test(before) || i === 0;
      if (top >= 0 && (canClose || !canOpen)) {
        spans.push({ open: stack[top].at, close: i });
        stack.splice(top);
      } else if (canOpen && !/\s/.test(after)) {
        stack.push({ char: c, at: i });
      }
    }
  }
  return spans;
}

function findLast<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/** The word before position `end` (exclusive), back to the previous space or opening bracket. */
function tokenBefore(text: string, end: number): { token: string; start: number } {
  let start = end;
  while (start > 0 && !/[\s(\[«“"/]/.test(text[start - 1])) start--;
  return { token: text.slice(start, end), start };
}

/** Whether only white space stands before `position` (enumerators open a paragraph). */
function atStart(text: string, position: number): boolean {
  for (let i = 0; i < position; i++) if (!/\s/.test(text[i])) return false;
  return true;
}

function isLeadingEnumerator(text: string, tokenStart: number, token: string): boolean {
  if (!atStart(text, tokenStart)) return false;
  return /^\(?(\d{1,3}|[a-z]|[A-Z]|[IVXLCDM]+)$/.test(token);
}

/** `next`: the text after the period's gap, from the next word on. */
function isAbbreviation(token: string, language: Language, next: string, text: string, tokenStart: number): boolean {
  // Opening punctuation and a French elision ("l'art.", "d'O.N.U.") are not part of the abbreviation.
  const bare = token.replace(/^[(\[«“"'’]+/, "").replace(/^(\p{L}{1,2}['’])(?=\p{L})/u, "");
  const lower = bare.toLowerCase();
  if (bare.length === 0) return false;
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial: "Vinton G. Cerf", "M. Badawi", "C. Déclarations"
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return true; // U.N., e.g, i.e, p.ex (the final period is the terminator)
  if (ALWAYS_ABBREVIATIONS[language].includes(lower)) return true;
  // A number, or a chapter of the revised statutes: "R.S.C. 1985, c. C-46".
  if (BEFORE_NUMBER.has(lower) && /^(\d|\p{Lu}{1,2}-\d)/u.test(next)) return true;
  if (isLeadingEnumerator(text, tokenStart, bare)) return true;
  if (ROMAN.test(bare) && /^\p{Lu}/u.test(next) && bare.length <= 4 && atStart(text, tokenStart))
    return true;
  return false;
}

/** Offsets [start, end) of each sentence of `text`, trimmed of surrounding white space. */
export function sentenceSpans(text: string, language: Language): Array<[number, number]> {
  const quotes = quotationSpans(text);
  const insideQuote = (at: number) => quotes.some((q) => at > q.open && at < q.close);
  const statute = statuteMarks(text, insideQuote);
  const cuts: number[] = [...statute.cuts];
  const terminator = /[.!?…]+/g;
  let match: RegExpExecArray | null;
  while ((match = terminator.exec(text)) !== null) {
    const at = match.index;
    if (statute.insideNote(at)) continue;
    let end = at + match[0].length;
    // Closing quotes and brackets belong to the sentence they close (French puts a space before »).
    for (;;) {
      CLOSER.lastIndex = end;
      const spaced = CLOSER.exec(text);
      if (!spaced) break;
      const closer = text[end + spaced[0].length - 1];
      if (closer === '"' || closer === "'" || closer === "’") {
        // Only a quote that actually closes here counts; an opening one belongs to the next sentence.
        if (!quotes.some((q) => q.close === end + spaced[0].length - 1)) break;
      } else if (spaced[0].length > 1 && closer !== "»") {
        break;
      }
      end += spaced[0].length;
    }
    GAP.lastIndex = end;
    const gap = GAP.exec(text);
    if (!gap) continue;
    const nextAt = end + gap[0].length;
    if (nextAt >= text.length) continue;
    const next = text[nextAt];
    const startsSentence =
      /[\p{Lu}\p{N}]/u.test(next) || OPENING.includes(next) || /[-–—•]/.test(next) || /\p{Lo}/u.test(next);
    if (!startsSentence) continue;
    // Ellipses that mark an omission inside brackets: "(...)", "[…]".
    if (at > 0 && /[(\[]/.test(text[at - 1])) continue;
    if (insideQuote(at) && insideQuote(end - 1)) continue;
    if (match[0] === ".") {
      const { token, start } = tokenBefore(text, at);
      if (isAbbreviation(token, language, text.slice(nextAt, nextAt + 8), text, start)) continue;
    }
    // "…en cause. (recorded address)": the term that closes a definition stays with it.
    const termClose = statute.termsAfterPeriod.get(nextAt);
    if (termClose !== undefined) {
      if (/^\s+\S/.test(text.slice(termClose + 1, termClose + 3))) cuts.push(termClose + 1);
      continue;
    }
    cuts.push(end);
  }
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b).concat(text.length)) {
    let s = from;
    let e = cut;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push([s, e]);
    from = cut;
  }
  return spans;
}

export function splitSentences(text: string, language: Language): string[] {
  return sentenceSpans(text, language).map(([s, e]) => text.slice(s, e));
}

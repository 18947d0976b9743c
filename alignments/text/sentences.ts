import type { TextLanguage } from "../languages";
import { sentenceRules, type SentenceRules } from "./languages";
import { statuteMarks } from "./statute";

/**
 * Sentence boundaries in one paragraph of clean text. What differs between languages (abbreviations, sentence
 * punctuation, quotation marks, elision) is in ./languages/, one small module per language; French and English
 * are the default the rules below were measured on.
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

const ROMAN = /^[IVXLCDM]+$/;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const GAP = /[\s\u00a0\u202f]+/y;

/** A language's rules as the expressions the splitter runs, built once per language. */
interface CompiledRules {
  /** Runs of sentence punctuation. */
  terminator: RegExp;
  /** A closing quote or bracket, after an optional space, at the sticky position. */
  closer: RegExp;
  /** Whether a run holds punctuation that needs no space after it; null for spaced scripts. */
  unspaced: RegExp | null;
  /** The closing marks of the language's quotations. */
  closing: ReadonlySet<string>;
}

const compiledRules = new Map<SentenceRules, CompiledRules>();
const characterClass = (characters: string) => `[${characters.replace(/[\\\]\[^-]/g, "\\$&")}]`;

function compiled(rules: SentenceRules): CompiledRules {
  let found = compiledRules.get(rules);
  if (!found) {
    const unspaced = rules.unspacedTerminators;
    found = {
      terminator: new RegExp(`${characterClass(rules.spacedTerminators + unspaced)}+`, "gu"),
      closer: new RegExp(String.raw`[\s\u00a0\u202f]?${characterClass(rules.closers)}`, "y"),
      unspaced: unspaced ? new RegExp(characterClass(unspaced), "u") : null,
      closing: new Set(Object.values(rules.quotes)),
    };
    compiledRules.set(rules, found);
  }
  return found;
}

interface Quote {
  open: number;
  close: number;
}

/** Spans of quotations that open and close inside the paragraph; an unbalanced quote is ignored. */
function quotationSpans(text: string, pairs: Readonly<Record<string, string>>, closing: ReadonlySet<string>): Quote[] {
  const spans: Quote[] = [];
  const stack: { char: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (pairs[c] !== undefined) {
      stack.push({ char: c, at: i });
    } else if (closing.has(c)) {
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

function isLeadingEnumerator(text: string, tokenStart: number, token: string, rules: SentenceRules): boolean {
  if (!atStart(text, tokenStart)) return false;
  return rules.enumerator.test(token);
}

/** `next`: the text after the period's gap, from the next word on. */
function isAbbreviation(token: string, rules: SentenceRules, next: string, text: string, tokenStart: number): boolean {
  // Opening punctuation and an elision ("l'art.", "d'O.N.U.", "dell'art.") are not part of the abbreviation.
  const bare = token.replace(rules.leadingPunctuation, "").replace(rules.elision, "");
  const lower = bare.toLowerCase();
  if (bare.length === 0) return false;
  const verdict = rules.judgePeriod?.({ bare, lower, next, text, tokenStart });
  if (verdict !== undefined) return verdict;
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial: "Vinton G. Cerf", "M. Badawi", "C. Déclarations"
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return true; // U.N., e.g, i.e, p.ex (the final period is the terminator)
  if (rules.abbreviations.has(lower)) return true;
  // A date's era or year mark ends the sentence the date closes, and nothing elsewhere ("1999 г." / "г. Москва").
  if (rules.afterNumberMayEnd.has(lower)) return !/\p{N}\s*$/u.test(text.slice(0, tokenStart));
  // A number, or a chapter of the revised statutes: "R.S.C. 1985, c. C-46".
  if (rules.beforeNumber.has(lower) && /^(\d|\p{Lu}{1,2}-\d)/u.test(next)) return true;
  if (isLeadingEnumerator(text, tokenStart, bare, rules)) return true;
  if (ROMAN.test(bare) && /^\p{Lu}/u.test(next) && bare.length <= 4 && atStart(text, tokenStart))
    return true;
  return false;
}

/** Offsets [start, end) of each sentence of `text`, trimmed of surrounding white space. */
export function sentenceSpans(text: string, language: TextLanguage): Array<[number, number]> {
  const rules = sentenceRules(language);
  const { terminator, closer, unspaced, closing } = compiled(rules);
  const quotes = quotationSpans(text, rules.quotes, closing);
  const insideQuote = (at: number) => quotes.some((q) => at > q.open && at < q.close);
  const statute = statuteMarks(text, insideQuote);
  const cuts: number[] = [...statute.cuts];
  terminator.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = terminator.exec(text)) !== null) {
    const at = match.index;
    if (statute.insideNote(at)) continue;
    // 。！？ end a sentence with nothing after them; . ! ? … need white space and a sentence's start.
    // An ASCII ! or ? written straight against Chinese or Japanese text ends a sentence as its full-width form does.
    const noGapNeeded =
      unspaced !== null && (unspaced.test(match[0]) || (/^[!?]+$/.test(match[0]) && UNSPACED_SCRIPT.test(text[at + match[0].length] ?? "")));
    let end = at + match[0].length;
    // Closing quotes and brackets belong to the sentence they close (French puts a space before »).
    for (;;) {
      closer.lastIndex = end;
      const spaced = closer.exec(text);
      if (!spaced) break;
      const closing = text[end + spaced[0].length - 1];
      if (closing === '"' || closing === "'" || closing === "’") {
        // Only a quote that actually closes here counts; an opening one belongs to the next sentence.
        if (!quotes.some((q) => q.close === end + spaced[0].length - 1)) break;
      } else if (spaced[0].length > 1 && !rules.spacedClosers.includes(closing)) {
        break;
      }
      end += spaced[0].length;
    }
    GAP.lastIndex = end;
    const gap = GAP.exec(text);
    if (!gap && !noGapNeeded) continue;
    const nextAt = end + (gap ? gap[0].length : 0);
    if (nextAt >= text.length) continue;
    const next = text[nextAt];
    const startsSentence =
      /[\p{Lu}\p{N}]/u.test(next) || rules.openers.includes(next) || /[-–—•]/.test(next) || /\p{Lo}/u.test(next) || (noGapNeeded && /\p{L}/u.test(next));
    if (!startsSentence) continue;
    // 「…。」と言った: the clause that quotes a quotation goes on after it.
    if (rules.continuesAfterQuote && end > at + match[0].length && rules.continuesAfterQuote.test(text.slice(nextAt, nextAt + 16))) continue;
    // Ellipses that mark an omission inside brackets: "(...)", "[…]".
    if (at > 0 && /[(\[]/.test(text[at - 1])) continue;
    if (insideQuote(at) && insideQuote(end - 1)) continue;
    if (match[0] === ".") {
      const { token, start } = tokenBefore(text, at);
      if (isAbbreviation(token, rules, text.slice(nextAt, nextAt + 8), text, start)) continue;
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

export function splitSentences(text: string, language: TextLanguage): string[] {
  return sentenceSpans(text, language).map(([s, e]) => text.slice(s, e));
}

/**
 * The structure of a statute inside a paragraph of prose, for the sentence splitter. A law that arrives as a PDF,
 * a Word file or a web page often reaches the splitter with its units run together: definitions one after the
 * other ("…within the meaning of section 6; (groupe) Agency means…"), paragraphs and subparagraphs behind their
 * labels ("judge means (a) in Ontario, …, (b) in Prince Edward Island, …"), and notes in brackets
 * ("[Repealed, 2001, c. 9, s. 35]"). Canada's acts (../shared/corpora) cut them as units, and so does Tandem:
 * - a definition ends after the term of the other language that closes it, "; (groupe)" or ". (recorded
 *   address)", which stays with the definition: the next definition starts a segment even in lower case;
 * - a note "[Repealed, …]" / "[Abrogé, …]" is never cut inside, and what follows it starts a segment;
 * - a paragraph label, (a), (a.1), (i), (A), (1) or a), starts a segment when it opens an item of a list: after
 *   ":", ";", ",", a dash or "…, and" / "…; ou", or after any word when the next label of its series follows
 *   ("juge a) En Ontario…; b) dans…"). A label cited in a sentence is not: "paragraph (a)", "alinéas a) à f)",
 *   "subsection (1), (2) or (3)", "paragraph (1)(a)".
 */

export interface StatuteMarks {
  /** Offsets where a unit starts: a list item's label, the text after a note or after "; (term)". */
  cuts: number[];
  /** Whether an offset lies inside a note or a closing term, which no sentence end may cut; asked in increasing order. */
  insideNote: (at: number) => boolean;
  /**
   * A term that closes a definition after a period, "…en cause. (recorded address)", by the offset of its "(":
   * where its ")" is. When the period ends a sentence, the term stays with it and the cut comes after the term.
   */
  termsAfterPeriod: Map<number, number>;
}

// (a), (aa), (a.1), (ii), (A), (1), (2.1), and the French a), a.1).
const LABEL_FORM = String.raw`\((?:[a-z]{1,2}(?:\.\d{1,2})?|[ivxlc]{1,7}|[A-Z](?:\.\d{1,2})?|\d{1,3}(?:\.\d{1,2})?)\)|[a-z](?:\.\d{1,2})?\)`;
const LABEL = new RegExp(`^(?:${LABEL_FORM})$`);
const LABEL_IN_TEXT = new RegExp(`(?<=\\s|^)(${LABEL_FORM})(?=\\s+["«“(\\p{L}])`, "gu");
// The term of the other language that closes a definition: "; (groupe)", ". (recorded address)".
const CLOSING_TERM = /([.;])["»”’]?\s+\(([^()\n]{1,100})\)/g;
// "[Repealed, 2001, c. 9, s. 35]", "[Abrogé, 1999, ch. 18, art. 97]", "[Abrogée, …]" (\b would not end "Abrogé": é is no \w).
const LEGISLATIVE_NOTE = /\[(?:Repealed|Abrogée?s?)(?=[\s,\]])[^[\]\n]{0,120}\]/g;

/** Words after which a label is cited, not listed: "paragraphs (a) to (f)", "l'alinéa a)", "subsection (1) or (2)". */
const CITING = new Set([
  "paragraph", "paragraphs", "subparagraph", "subparagraphs", "clause", "clauses", "subclause", "subclauses", "subsection",
  "subsections", "section", "sections", "item", "items", "to", "of", "in", "under", "by", "with", "from", "see", "than",
  "alinéa", "alinéas", "sous-alinéa", "sous-alinéas", "paragraphe", "paragraphes", "article", "articles", "division", "divisions",
  "point", "points", "à", "au", "aux", "de", "des", "du", "par", "selon", "voir", "en",
]);
const CONJUNCTION = new Set(["and", "or", "et", "ou"]);
const ROMAN_SERIES = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"];

/** The label's value ("a.1" from "(a.1)" or "a.1)") and whether it was written with an opening bracket. */
function labelValue(label: string): { value: string; bracketed: boolean } | null {
  if (!LABEL.test(label)) return null;
  return { value: label.replace(/^\(|\)$/g, ""), bracketed: label.startsWith("(") };
}

/** The labels that may come next in a label's series: (a) → (b), (i) → (ii) or (j), (1) → (2). */
function successors(value: string): string[] {
  const base = value.replace(/\.\d+$/, "");
  const next: string[] = [];
  const roman = ROMAN_SERIES.indexOf(base);
  if (roman >= 0 && roman + 1 < ROMAN_SERIES.length) next.push(ROMAN_SERIES[roman + 1]);
  if (/^\d+$/.test(base)) next.push(String(Number(base) + 1));
  else if (/^[a-zA-Z]$/.test(base)) next.push(String.fromCharCode(base.charCodeAt(0) + 1));
  return next;
}

/** The word before `at` (lower case, a French elision taken off) and the character before that word. */
function wordBefore(text: string, at: number): { word: string; before: string; punctuation: string } {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const punctuation = end > 0 ? text[end - 1] : "";
  let start = end;
  while (start > 0 && /[\p{L}'’-]/u.test(text[start - 1])) start--;
  let k = start;
  while (k > 0 && /\s/.test(text[k - 1])) k--;
  const word = text.slice(start, end).toLowerCase().replace(/^\p{L}{1,2}['’]/u, "");
  return { word, before: k > 0 ? text[k - 1] : "", punctuation };
}

function opensListItem(text: string, at: number, label: string): boolean {
  const parsed = labelValue(label);
  if (!parsed) return false;
  const after = text.slice(at + label.length, at + label.length + 8);
  // "subsection (1), (2) or (3)": a label followed by a conjunction is one of several cited together.
  if (/^\s+(and|or|et|ou|to|à)\s/.test(after) || /^[,)]/.test(after)) return false;
  const { word, before, punctuation } = wordBefore(text, at);
  if (/[:;,—–]/.test(punctuation)) return true;
  if (CONJUNCTION.has(word)) return /[,;]/.test(before);
  if (word === "" || CITING.has(word)) return false;
  // The next item of a list comes within a few provisions' length; looking further would make long paragraphs quadratic.
  const rest = text.slice(at + label.length, at + label.length + 4000);
  return successors(parsed.value).some((next) => rest.includes(parsed.bracketed ? ` (${next}) ` : ` ${next}) `));
}

/**
 * Whether an offset lies strictly inside one of `spans`, for offsets asked in increasing order: one pass over the
 * spans in all, so that a long paragraph full of notes and labels stays linear.
 */
function insideSpans(spans: Array<[number, number]>): (at: number) => boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let k = 0;
  return (at) => {
    while (k < sorted.length && sorted[k][1] <= at) k++;
    return k < sorted.length && sorted[k][0] < at;
  };
}

/** Where a statute's structure cuts a paragraph, and what it holds together (see the module's comment). */
export function statuteMarks(text: string, insideQuote: (at: number) => boolean): StatuteMarks {
  const cuts: number[] = [];
  const notes: Array<[number, number]> = [];
  const termsAfterPeriod = new Map<number, number>();
  const cutAfter = (close: number) => {
    if (/^\s+\S/.test(text.slice(close + 1, close + 3))) cuts.push(close + 1);
  };
  for (const m of text.matchAll(LEGISLATIVE_NOTE)) {
    const close = m.index! + m[0].length - 1;
    notes.push([m.index!, close]);
    cutAfter(close);
  }
  for (const m of text.matchAll(CLOSING_TERM)) {
    const [, stop, term] = m;
    if (labelValue(`(${term})`) || /[.!?…]$/.test(term)) continue;
    const close = m.index! + m[0].length - 1;
    const open = close - term.length - 1;
    if (insideQuote(open)) continue;
    notes.push([open, close]);
    // After a semicolon the definition certainly ends; after a period, only if the period ends a sentence ("e.g. (…)" does not).
    if (stop === ";") cutAfter(close);
    else termsAfterPeriod.set(open, close);
  }
  // A label that opens the paragraph is its own enumerator: nothing stands before it to cut off.
  const firstWord = text.search(/\S/);
  const labelInsideNote = insideSpans(notes);
  for (const m of text.matchAll(LABEL_IN_TEXT)) {
    const at = m.index!;
    if (at <= firstWord || insideQuote(at) || labelInsideNote(at)) continue;
    if (opensListItem(text, at, m[1])) cuts.push(at);
  }
  return { cuts, insideNote: insideSpans(notes), termsAfterPeriod };
}

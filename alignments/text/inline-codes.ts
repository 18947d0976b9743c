/**
 * Inline codes in a segment's text (decision 23). A memory's tags (`<ph>{1}</ph>`, `<bpt i="1">&lt;b&gt;</bpt>`,
 * `<hi>`'s start and end) each stand in the text as one character of the supplementary private use areas
 * (U+F0000–U+FFFFD, then U+100000–U+10FFFD); the document keeps what each one stands for. One code point per code:
 * the editor's text box cannot cut one in half, a split or a merge carries it with the text around it, and the
 * words, numbers and terms found in a text never see one. The BMP's own private use area is left alone: symbol
 * fonts and the clean-up's markers (layout.ts) use it.
 */

/** Every code character, in order. */
const CODE = /[\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;

export const FIRST_CODE_POINT = 0xf0000;
export const CODE_CAPACITY = 2 * 0xfffe;

/** The code character numbered `k` (0-based), or null past the capacity. */
export function codeCharacter(k: number): string | null {
  if (k < 0 || k >= CODE_CAPACITY) return null;
  return String.fromCodePoint(k < 0xfffe ? FIRST_CODE_POINT + k : 0x100000 + (k - 0xfffe));
}

export function isCodeCharacter(character: string): boolean {
  CODE.lastIndex = 0;
  return character.length === 2 && CODE.test(character);
}

/** The code characters of a text, in order (a code used twice is listed twice). */
export function codesIn(text: string): string[] {
  return text.match(CODE) ?? [];
}

export function countCodes(text: string): number {
  return codesIn(text).length;
}

/** The text with every code character replaced (by nothing, or by what `replace` gives for it). */
export function replaceCodes(text: string, replace: (code: string) => string = () => ""): string {
  return text.replace(CODE, replace);
}

/**
 * How a corrected text differs from the one it replaces in its codes: those it lost and those it gained (each as
 * many times as it was lost or gained). A code may move; it may not go or come.
 */
export function codeDifference(before: string, after: string): { lost: string[]; gained: string[] } {
  const counts = new Map<string, number>();
  for (const code of codesIn(before)) counts.set(code, (counts.get(code) ?? 0) + 1);
  const gained: string[] = [];
  for (const code of codesIn(after)) {
    const left = counts.get(code) ?? 0;
    if (left > 0) counts.set(code, left - 1);
    else gained.push(code);
  }
  const lost = [...counts].flatMap(([code, n]) => Array.from({ length: n }, () => code));
  return { lost, gained };
}

/** The text cut at its code characters: text, code, text, code, …, text (the pieces at odd places are codes). */
export function splitAtCodes(text: string): string[] {
  return text.split(/([\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}])/u);
}

/**
 * An offset where a text may be cut without halving a character: one that falls between the two halves of a
 * surrogate pair (every code character is one, as is an emoji) moves to the pair's start (`way` -1) or its end
 * (`way` 1), so a context cut around a match keeps a code whole or leaves it out, never a lone half.
 */
export function wholeCharacterCut(text: string, at: number, way: -1 | 1): number {
  if (at <= 0 || at >= text.length) return at;
  const low = text.charCodeAt(at);
  const high = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? at + (way === -1 ? -1 : 1) : at;
}

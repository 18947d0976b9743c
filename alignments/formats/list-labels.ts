/** The labels of numbered list items, as Word and browsers write them (docx.ts, html.ts). */

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
];

/** Lower-case roman numerals: 4 → "iv". */
export function romanNumeral(n: number): string {
  let out = "";
  for (const [value, numeral] of ROMAN) while (n >= value) (out += numeral), (n -= value);
  return out;
}

/** Word's letters (lowerLetter): a…z, then the letter doubled, aa, bb…, then tripled. */
export function wordLetters(n: number): string {
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

/** A browser's letters (lower-alpha): a…z, then aa, ab… zz, then aaa. */
export function alphabeticLetters(n: number): string {
  let out = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

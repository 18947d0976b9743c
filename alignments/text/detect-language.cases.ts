/**
 * Language detection's cases: texts it must detect (short, legal, full of figures) and strings that are not
 * text in any language, generated the same way on every run. The unit tests and scripts/eval-text-check.ts use them.
 */

export const CASES = [
  { text: "Les États membres de l'ONU ont approuvé jeudi leur premier traité pour lutter contre la cybercriminalité.", language: "fr" },
  { text: "L'entraide judiciaire en matière pénale est accordée sans délai par l'autorité centrale.", language: "fr" },
  { text: "UN member states on Thursday approved their first treaty to fight cybercrime, a text criticised by rights groups.", language: "en" },
  { text: "Mutual legal assistance in criminal matters shall be provided by the central authority.", language: "en" },
  // Legal text full of numbers and abbreviations is still text.
  { text: "Sous réserve de l'art. 5, par. 2 b), et de l'art. 7, al. 3, la demande visée au par. 1 est transmise dans les 30 jours (L.R.C. 1985, ch. C-46, art. 487.01).", language: "fr" },
  { text: "Subject to s. 5(2)(b) and s. 7(3), the request under subsection (1) shall be sent within 30 days (see R.S.C. 1985, c. C-46, s. 487.01).", language: "en" },
  { text: "Art. 12, par. 3 : 2/5 V.20-04090, A/C.3/74/L.11/Rev.1 ; l'État requis répond dans les 15 jours.", language: "fr" },
] as const satisfies ReadonlyArray<{ text: string; language: "fr" | "en" }>;

/** A seeded generator (the core uses no unseeded randomness): the same "random" bytes on every run. */
function randomBytes(n: number, seed = 7): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state >> 23;
  });
}
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const asWindows1252 = (b: Uint8Array) => Array.from(b, (x) => (x >= 0x80 && x <= 0x9f ? WINDOWS_1252_HIGH[x - 0x80] : String.fromCharCode(x))).join("");
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const base64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
/** What `xxd` prints: offset, sixteen bytes in hex, the printable ones beside. */
function hexDump(text: string): string {
  const b = new TextEncoder().encode(text);
  const rows: string[] = [];
  for (let at = 0; at < b.length; at += 16) {
    const row = b.subarray(at, at + 16);
    const groups = hex(row).match(/.{1,4}/g)!.join(" ");
    rows.push(`${at.toString(16).padStart(8, "0")}: ${groups.padEnd(40)}  ${Array.from(row, (x) => (x >= 0x20 && x < 0x7f ? String.fromCharCode(x) : ".")).join("")}`);
  }
  return rows.join("\n");
}
const letterGroups = (b: Uint8Array) =>
  Array.from(b.subarray(0, 90), (x, k) => Array.from({ length: 2 + (x % 7) }, (_, j) => String.fromCharCode(97 + ((b[(k * 7 + j) % b.length] * 31) % 26))).join("")).join(" ");

export const NOT_TEXT: Array<{ name: string; text: string }> = [
  { name: "random bytes read as Windows-1252", text: asWindows1252(randomBytes(500)).replace(/\u0000/g, "") },
  { name: "random bytes read as UTF-8", text: new TextDecoder().decode(randomBytes(500, 11)).replace(/\u0000/g, "") },
  { name: "random printable ASCII", text: Array.from(randomBytes(400, 3), (x) => String.fromCharCode(33 + (x % 94))).join("") },
  { name: "base64 on one line", text: base64(randomBytes(600, 5)) },
  { name: "base64 wrapped at 76 characters", text: base64(randomBytes(600, 9)).replace(/(.{76})/g, "$1\n") },
  { name: "a hex string", text: hex(randomBytes(300, 13)) },
  { name: "hex bytes separated by spaces", text: hex(randomBytes(300, 17)).replace(/(..)/g, "$1 ") },
  { name: "a hex dump of a French text", text: hexDump("Les États membres de l'ONU ont approuvé jeudi leur premier traité pour lutter contre la cybercriminalité.") },
  { name: "a long line of punctuation", text: `${"-=".repeat(60)}${"*".repeat(40)}......!!!???;;;` },
  { name: "random letters in word-sized groups", text: letterGroups(randomBytes(400, 21)) },
];

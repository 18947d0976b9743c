/**
 * The dictd format (`NAME.index` + `NAME.dict`, the latter usually dictzip'd as `NAME.dict.dz`, which any gzip reader
 * inflates whole), as Debian's FreeDict packages install it under /usr/share/dictd. Pure: the index's text and the
 * inflated dictionary's bytes in, entries out; the caller reads and inflates the files.
 *
 * Each index line is `headword TAB offset TAB length`, the numbers in dictd's base 64 (A–Z a–z 0–9 + /), counting
 * bytes of the inflated dictionary. Headwords starting "00database" are the dictionary's own metadata.
 */

export interface DictdEntry {
  headword: string;
  /** The entry's text as the dictionary stores it (for FreeDict: the headword line, then the translations). */
  body: string;
}

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A number in dictd's base 64, or -1 when the text is not one. */
export function dictdNumber(text: string): number {
  if (text.length === 0) return -1;
  let value = 0;
  for (const c of text) {
    const digit = DIGITS.indexOf(c);
    if (digit < 0) return -1;
    value = value * 64 + digit;
  }
  return value;
}

/** The dictionary's entries in index order, metadata left out; index lines that are not well formed or point outside the data are skipped. */
export function readDictd(index: string, dictionary: Uint8Array): DictdEntry[] {
  const decoder = new TextDecoder("utf-8");
  const entries: DictdEntry[] = [];
  for (const line of index.split("\n")) {
    const [headword, offsetText, lengthText] = line.replace(/\r$/, "").split("\t");
    if (!headword || headword.startsWith("00database") || headword.startsWith("00-database")) continue;
    const offset = dictdNumber(offsetText ?? "");
    const length = dictdNumber(lengthText ?? "");
    if (offset < 0 || length < 0 || offset + length > dictionary.length) continue;
    entries.push({ headword, body: decoder.decode(dictionary.subarray(offset, offset + length)) });
  }
  return entries;
}

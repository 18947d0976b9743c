/**
 * Real French text and the ways files get damaged, for the decoder's tests (here, with the text inline) and
 * tests/unit/decode-seeds.test.ts (over the five seed documents).
 */

const utf8 = (s: string) => new TextEncoder().encode(s);

// A real French news dispatch (seed 003, its first paragraphs): 47 accented letters and French quotes over 7 lines.
export const DISPATCH = [
  "Les Etats membres de l'ONU ont approuvé jeudi leur premier traité pour lutter contre la cybercriminalité, un texte immédiatement fustigé par les défenseurs des droits humains et les grandes industries de la tech qui alertent contre un outil de « surveillance » mondiale.",
  "",
  "Après trois ans de négociations formelles, et une dernière session de deux semaines à New York, la « Convention des Nations unies contre la cybercriminalité » a été approuvée par consensus et sera soumise ultérieurement à l'Assemblée générale pour adoption formelle.",
  "",
  "« Je considère que les documents (...) sont adoptés. Merci beaucoup, bravo à tous ! », a lancé sous les applaudissements Faouzia Boumaiza Mebarki, présidente du comité intergouvernemental créé en 2019 pour rédiger ce traité, sur une proposition de la Russie.",
  "",
  "Le nouveau traité, qui pourra entrer en vigueur après avoir été ratifié par 40 Etats, vise à « combattre plus efficacement la cybercriminalité » et à renforcer la coopération internationale en la matière.",
].join("\n");

/** Latin-1 bytes of a text made of Latin-1 characters only. */
export const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

/** Windows-1252's characters outside Latin-1 that French texts use (Microsoft's code page table). */
const WINDOWS_1252_EXTRA: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "Œ": 0x8c, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "™": 0x99, "œ": 0x9c,
};

/** A text as Windows-1252 can hold it: characters it has no byte for become "?". */
export const windows1252Text = (s: string) => [...s].map((c) => (c.charCodeAt(0) < 0x100 || c in WINDOWS_1252_EXTRA ? c : "?")).join("");

/** Windows-1252 bytes of a text `windows1252Text` returned. */
export const windows1252 = (s: string) => new Uint8Array([...s].map((c) => WINDOWS_1252_EXTRA[c] ?? c.charCodeAt(0)));

/** Offsets of the first byte of each UTF-8 character of two bytes or more. */
export const multibyteStarts = (b: Uint8Array) => [...b.keys()].filter((i) => b[i] >= 0xc2);

/**
 * Damages the UTF-8 characters at these offsets the two ways files get damaged, in turn: one written by a
 * Latin-1 editor into a UTF-8 file (é as the single byte 0xE9), one losing its last byte. Either way a
 * decoder finds one error per damaged character.
 */
export function damage(b: Uint8Array, starts: readonly number[]): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const k = starts.indexOf(i);
    if (k < 0) {
      out.push(b[i]);
      continue;
    }
    const length = b[i] >= 0xf0 ? 4 : b[i] >= 0xe0 ? 3 : 2;
    const c = new TextDecoder().decode(b.subarray(i, i + length));
    if (k % 2 === 0) out.push(WINDOWS_1252_EXTRA[c] ?? (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0xbf));
    else out.push(...b.subarray(i, i + length - 1));
    i += length - 1;
  }
  return new Uint8Array(out);
}

/** The text as a decoder gives it back with the characters at these UTF-8 offsets replaced by U+FFFD. */
export function replaced(text: string, starts: readonly number[]): string {
  let offset = 0;
  return [...text]
    .map((c) => {
      const at = offset;
      offset += utf8(c).length;
      return starts.includes(at) ? "\uFFFD" : c;
    })
    .join("");
}

/** `n` offsets spread evenly over a list. */
export const spread = (all: readonly number[], n: number) => Array.from({ length: n }, (_, k) => all[Math.floor(((k + 0.5) * all.length) / n)]);


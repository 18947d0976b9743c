/**
 * United Nations document symbols ("A/AC.291/L.15", "A/C.3/74/L.11/Rev.1", "EG.4/2026/L.1", "S/RES/2573"): the
 * same in every language version of a document, so they name a document better than its title does. A symbol is
 * capitals, then parts joined by slashes, with at least one figure somewhere ("TCP/IP" is not one).
 */
const SYMBOL = /(?<![\p{L}\p{N}/.])[A-Z][A-Z0-9]{0,7}(?:\.[A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*)+/gu;

/** The document symbols a text names, in order, each once. */
export function documentSymbols(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SYMBOL)) if (/\d/.test(match[0])) found.add(match[0]);
  return [...found];
}

/** Whether a line is a document symbol and nothing else (a label such as "Symbol:" aside). */
export function isDocumentSymbol(line: string): boolean {
  const symbols = documentSymbols(line);
  return symbols.length === 1 && line.replace(symbols[0], "").replace(/^\s*(symbol|symbole|cote)\s*:?/i, "").trim() === "";
}

const ASCII = /^[\x00-\x7f]*$/;

/** Accents folded away: "État" → "Etat". Both sides of a comparison go through it, so it need only be consistent. */
export function foldAccents(text: string): string {
  // Plain ASCII (most English) has no accent to fold: both normalisations would give it back unchanged.
  if (ASCII.test(text)) return text;
  return text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/** What a search compares: lower case, accents folded, one kind of apostrophe, single spaces ("L’État" finds "l'etat"). */
export function foldForSearch(text: string): string {
  return foldAccents(text.toLowerCase()).replace(/[’ʼ‘]/g, "'").replace(/\s+/g, " ").trim();
}

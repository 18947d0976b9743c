/**
 * A heading or a title, judged from the line alone: short, starting with a capital or a number, and
 * ending without the punctuation that closes or continues a sentence ("Amending Schedule III",
 * "Définitions", "CHAPITRE II"). Plain lines carry no structure, and this is most of what they hint:
 * the aligner uses it on plain lines, and a text imported one segment per line takes its headings from it.
 */
export function looksLikeHeading(text: string): boolean {
  const line = text.trim();
  return line.length > 0 && line.length <= 100 && /^[\p{Lu}\p{N}]/u.test(line) && /[\p{L}\p{N})\]]$/u.test(line);
}

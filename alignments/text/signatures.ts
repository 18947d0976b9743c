/** A line that opens the signatures closing a letter or a manifesto: "Signatories", "Sincerely,", "Liste des signataires". */
export const SIGNATURE_OPENING =
  /^\s*(signataires|signatories|signatures|liste des signataires|cordialement|bien cordialement|sincèrement|sincerely|yours sincerely|yours faithfully|respectfully|kind regards|best regards)\b.{0,20}$/i;

/** Signatures are names and titles: half of them at most this long (the manifesto's: 21 characters). */
const SIGNATURE_MEDIAN_LENGTH = 60;

/**
 * Whether the lines after such an opening read as a list of signatures: short lines, names and titles. A statute's
 * marginal note "Signatures" is followed by provisions (the 200 lines after the Bank Act's first one: a median of 100
 * characters; after its second, 64), which must still be cut into sentences, their definitions kept apart.
 */
export function opensSignatureList(following: readonly string[]): boolean {
  const lengths = following
    .map((line) => line.trim().length)
    .filter((length) => length > 0)
    .slice(0, 200)
    .sort((a, b) => a - b);
  return lengths.length === 0 || lengths[Math.floor(lengths.length / 2)] <= SIGNATURE_MEDIAN_LENGTH;
}

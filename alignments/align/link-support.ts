import { DEFAULT_WEIGHTS, type AlignOptions, type AlignSegment } from "./alignment-types";
import { SUPPORTED_COVERAGE } from "./confidence";
import { buildFeatures, calibrate, Interner, toTranslations, wordsOf } from "./features";
import { MODEL1_PAIRS, trainModel1 } from "./ibm1";
import { BUILT_IN_LEXICON } from "./lexicon";
import { describeLink, type Context } from "./link-score";
import type { LinkSides } from "./links";
import { MAX_SIDE } from "./shapes";

/**
 * The lexical support of links made elsewhere (a translation memory's units, paired by a person): the same measure
 * `alignSegments` reports, the share of links whose words find at least a fifth of the counterparts they could,
 * with the built-in lexicon, the caller's, and word pairs learned from 1-1 links as the aligner's second pass learns
 * them. Learning from the very links being judged would make any pairing look supported, so the links are judged in
 * two halves (even and odd positions), each with the word pairs learned from the other half only. Links of more than
 * four segments on a side cannot be scored and are left out of the share; null when no link can be.
 */
export function linkSupport(
  enSegments: readonly AlignSegment[],
  frSegments: readonly AlignSegment[],
  links: readonly LinkSides[],
  options: Pick<AlignOptions, "lexicon" | "builtInLexicon" | "weights"> = {},
): number | null {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const entries = [...(options.builtInLexicon === false ? [] : BUILT_IN_LEXICON), ...(options.lexicon ?? [])];
  const interner = new Interner();
  const en = buildFeatures(enSegments, interner, null);
  const plain = buildFeatures(frSegments, interner, null);
  let scored = 0;
  let supported = 0;
  for (const half of [0, 1]) {
    const learnFrom = links.filter((l, k) => k % 2 !== half && l.en.length === 1 && l.fr.length === 1);
    const step = Math.max(1, learnFrom.length / MODEL1_PAIRS);
    const training: Array<[string[], string[]]> = [];
    for (let k = 0; k < learnFrom.length && training.length < MODEL1_PAIRS; k += step) {
      const link = learnFrom[Math.floor(k)];
      training.push([wordsOf(en, link.en[0]), wordsOf(plain, link.fr[0])]);
    }
    const fr = buildFeatures(frSegments, interner, toTranslations([...entries, ...trainModel1(training, { maxPairs: MODEL1_PAIRS })]));
    calibrate(en, fr, weights.matchRate);
    calibrate(fr, en, weights.matchRate);
    const ratio = (fr.chars.reduce((x, y) => x + y, 0) || 1) / (en.chars.reduce((x, y) => x + y, 0) || 1);
    const ctx = { en, fr, ratio, stamp: new Int32Array(interner.size), marks: 0, scratch: new Uint32Array(1 << 16) } as unknown as Context;
    links.forEach((link, k) => {
      if (k % 2 !== half || link.en.length > MAX_SIDE || link.fr.length > MAX_SIDE) return;
      scored++;
      if (link.en.length === 0 || link.fr.length === 0) return;
      if (describeLink(ctx, link.en[0], link.en.length, link.fr[0], link.fr.length).coverage >= SUPPORTED_COVERAGE) supported++;
    });
  }
  return scored > 0 ? supported / scored : null;
}

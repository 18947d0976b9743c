import { anchorPath } from "./anchors";
import type { AlignedLink, Alignment, AlignOptions, AlignSegment } from "./alignment-types";
import { DEFAULT_WEIGHTS } from "./alignment-types";
import { CROSSING_CONFIDENCE, linkAcrossOrder } from "./crossing";
import { separateHeadings } from "./headings";
import { buildFeatures, calibrate, Interner, toTranslations, wordsOf, type Segmented } from "./features";
import { MODEL1_PAIRS, trainModel1 } from "./ibm1";
import { SUPPORTED_COVERAGE } from "./confidence";
import { BUILT_IN_LEXICON, type LexiconEntry } from "./lexicon";
import type { Context, Buffers } from "./link-score";
import { lengthModelOf } from "./length-model";
import type { LinkSides } from "./links";
import { emptyPairTable } from "./pair-table";
import { alignStretch } from "./programme";
import { MAX_SIDE, shapePriors } from "./shapes";
import { acrossScripts, latinAndCyrillic, wordSplitterFor } from "./word-split";

/**
 * Sentence alignment of an English original and its French translation: one pure function over two
 * arrays of segments.
 *
 * 1. Every word becomes a few features in a space shared by both languages: numbers, accent-folded
 *    cognate prefixes ("coopération"/"cooperation", "Budapest"), entries of a lexicon (built-in
 *    function words, a user's dictionary or glossary) and, on the second pass, word pairs learned from
 *    the first alignment with IBM Model 1 (features.ts, ibm1.ts).
 * 2. Features found in one segment only on each side of a window are anchors; their heaviest increasing
 *    chain, refined recursively between anchors, gives the path the alignment must stay near, so the
 *    work grows linearly with the documents (anchors.ts).
 * 3. A dynamic programme over link shapes (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3, 4-1, 1-4) inside a band
 *    around the path maximises the sum of link scores: shape prior, Gale–Church length likelihood, the
 *    lexical likelihood ratio of every word (a counterpart found, or not, against the chance of finding one
 *    at random) and structure (headings, notes and paragraph ends agree) (programme.ts over link-score.ts and
 *    pair-table.ts). Each link's confidence comes from its evidence (confidence.ts).
 * Every buffer is allocated per call: the function keeps no state between calls.
 */
export type { AlignedLink, Alignment, AlignOptions, AlignSegment, LinkEvidence, Weights } from "./alignment-types";
export { DEFAULT_WEIGHTS } from "./alignment-types";
export { CONFIDENCE_MODEL, confidenceOf } from "./confidence";
export { looksLikeHeading } from "../text/heading";
export { linkSupport } from "./link-support";


export function alignSegments(
  enSegments: readonly AlignSegment[],
  frSegments: readonly AlignSegment[],
  options: AlignOptions = {},
): Alignment {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const n = enSegments.length;
  const m = frSegments.length;
  const progress = options.onProgress ?? (() => {});
  const [firstLanguage, secondLanguage] = options.languages ?? ["en", "fr"];
  const englishFrench = firstLanguage === "en" && secondLanguage === "fr";
  const entries = [...(options.builtInLexicon === false || !englishFrench ? [] : BUILT_IN_LEXICON), ...(options.lexicon ?? [])];
  const secondWords = wordSplitterFor(secondLanguage);
  const scriptsDiffer = acrossScripts(firstLanguage, secondLanguage);
  const skeletons = options.transliterate !== false && latinAndCyrillic(firstLanguage, secondLanguage);

  // The first side's features do not depend on the lexicon: built once, recalibrated on each pass.
  const interner = new Interner();
  const en = buildFeatures(enSegments, interner, null, wordSplitterFor(firstLanguage), false, skeletons, firstLanguage);
  // One length model for both passes, from the whole pair (fixed links and all): realigning a part keeps the whole's.
  const { ratio, variance } = lengthModelOf(en.chars, Float64Array.from(frSegments, (s) => s.text.length));
  const buffers: Buffers = { pairs: emptyPairTable(), best: new Float64Array(0), back: new Uint8Array(0), margin: new Float32Array(0) };
  const run = (
    translations: Map<string, string[]>,
    width: number,
    guide: Float64Array | null,
    previous: readonly LinkSides[] | null,
    span: readonly [number, number],
  ) => {
    const fr = buildFeatures(frSegments, interner, translations, secondWords, scriptsDiffer, skeletons, secondLanguage);
    calibrate(en, fr, weights.matchRate);
    calibrate(fr, en, weights.matchRate);
    const structured = [...enSegments, ...frSegments].some((x) => x.kind !== undefined || x.paragraph !== undefined);
    const ctx: Context = { en, fr, enSegments, frSegments, ratio, variance, weights, stamp: new Int32Array(interner.size), marks: 0, structured, priors: shapePriors(previous), explain: options.explain === true,
      rowsDone: (rows) => progress(span[0] + (span[1] - span[0]) * (rows / Math.max(1, n))),
      scratch: new Uint32Array(1 << 16),
      enSlots: new Int32Array(MAX_SIDE * MAX_SIDE),
      frSlots: new Int32Array(MAX_SIDE * MAX_SIDE),
      frSums: new Float64Array(MAX_SIDE),
      buffers,
    };
    const { path, widths } = guide ? { path: guide, widths: new Int32Array(n + 1).fill(width) } : anchorPath(en, fr, n, m, width, scriptsDiffer ? 4 : 2, scriptsDiffer);
    const links: AlignedLink[] = [];
    // Fixed links split the work into independent stretches.
    let i = 0;
    let j = 0;
    for (const fixed of [...(options.fixed ?? []), { en: [n], fr: [m] }]) {
      const iEnd = fixed.en.length > 0 ? fixed.en[0] : i;
      const jEnd = fixed.fr.length > 0 ? fixed.fr[0] : j;
      links.push(...alignStretch(ctx, i, iEnd, j, jEnd, path, widths));
      if (fixed.en[0] === n && fixed.fr[0] === m && fixed.en.length === 1 && fixed.fr.length === 1) break;
      links.push({ en: [...fixed.en], fr: [...fixed.fr], confidence: 1 });
      i = fixed.en.length > 0 ? fixed.en[fixed.en.length - 1] + 1 : iEnd;
      j = fixed.fr.length > 0 ? fixed.fr[fixed.fr.length - 1] + 1 : jEnd;
    }
    return { links, en, fr };
  };

  const lexiconMap = toTranslations(entries);
  progress(0.05);
  const learnAfter = options.learn !== false && n > 0 && m > 0;
  let first: { links: AlignedLink[]; en: Segmented; fr: Segmented } | null = run(lexiconMap, weights.band, null, null, learnAfter ? [0.05, 0.5] : [0.05, 1]);
  progress(0.5);
  let links = first.links;
  if (learnAfter) {
    // Train on an even sample of the confident 1-1 links: enough for the frequent words, bounded in memory.
    const confident = links.filter((l) => l.en.length === 1 && l.fr.length === 1 && l.confidence >= 0.5);
    const step = Math.max(1, confident.length / MODEL1_PAIRS);
    const training: Array<[string[], string[]]> = [];
    for (let k = 0; k < confident.length && training.length < MODEL1_PAIRS; k += step) {
      const link = confident[Math.floor(k)];
      training.push([wordsOf(first.en, link.en[0]), wordsOf(first.fr, link.fr[0])]);
    }
    first = null; // the first pass's tables can go before the second pass builds its own
    const combined = toTranslations([...entries, ...trainModel1(training, { maxPairs: MODEL1_PAIRS })]);
    training.length = 0;
    const guide = pathOf(links, n);
    progress(0.55);
    links = run(combined, weights.refineBand, guide, links, [0.55, 1]).links;
  }
  // Heading-like lines put back with their counterparts (headings.ts); a heading weight of 0 reads them as plain lines.
  if (weights.heading > 0) links = separateHeadings(enSegments, frSegments, links, options.fixed);
  if (options.crossing === true) links = linkAcrossOrder(enSegments, frSegments, links, CROSSING_CONFIDENCE);
  progress(1);
  // Lexical support: a link whose words find at least a fifth of the counterparts they could.
  const supported = links.filter((l) => l.en.length > 0 && l.fr.length > 0 && (l.evidence?.coverage ?? 1) >= SUPPORTED_COVERAGE).length;
  if (options.explain !== true) for (const link of links) delete link.evidence;
  return { links, support: links.length > 0 ? supported / links.length : 0 };
}


/** The French position each English position reaches in an alignment, as a path for the next pass. */
function pathOf(links: readonly LinkSides[], n: number): Float64Array {
  const path = new Float64Array(n + 1);
  let j = 0;
  let i = 0;
  for (const link of links) {
    for (const x of link.en) {
      path[x] = j;
      i = x + 1;
    }
    j += link.fr.length;
    if (link.en.length > 0) path[i] = j;
  }
  path[n] = j;
  return path;
}

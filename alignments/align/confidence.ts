import type { LinkEvidence } from "./alignment-types";

/**
 * The probability that a link is right, by logistic regression on its evidence. The coefficients were fit
 * by `npm run bench:confidence` on TransRead and the UDHR against their gold alignments; the same command
 * prints how well they hold on the Canadian acts, which the fit does not see.
 */
export const CONFIDENCE_MODEL = { bias: 2.016, coverage: 0.802, length: 0.824, margin: 0.173, unlinked: -4.459, merged: -1.056 };

export function confidenceOf(evidence: LinkEvidence, a: number, b: number, model = CONFIDENCE_MODEL): number {
  const z =
    model.bias +
    model.coverage * evidence.coverage +
    model.length * evidence.length +
    model.margin * Math.min(20, evidence.margin) +
    (a === 0 || b === 0 ? model.unlinked : 0) +
    (a + b > 2 ? model.merged : 0);
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}

/** A link is lexically supported when its words find at least this share of the counterparts they could. */
export const SUPPORTED_COVERAGE = 0.2;

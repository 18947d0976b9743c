/**
 * How far the aligner's confidence can be trusted: aligns every gold pair, marks each link right or wrong
 * (strictly), fits the logistic model of `confidenceOf` on TransRead and the UDHR, and prints reliability
 * tables (share of right links per confidence band) for the fit and for the Canadian acts, which it does
 * not see, with the model in the code and with the refit one. Prints figures; asserts nothing.
 *
 *   npm run bench:confidence
 */
import { alignSegments, CONFIDENCE_MODEL, confidenceOf, type LinkEvidence } from "../alignments/align/aligner";
import { formatLink } from "../alignments/align/links";
import { goldPairs } from "./corpora";

interface Row {
  corpus: string;
  right: number;
  evidence: LinkEvidence;
  a: number;
  b: number;
}

const rows: Row[] = [];
for (const pair of goldPairs()) {
  const gold = new Set(pair.gold.map(formatLink));
  const { links } = alignSegments(pair.en.map((text) => ({ text })), pair.fr.map((text) => ({ text })), { explain: true });
  for (const link of links) {
    rows.push({ corpus: pair.corpus, right: gold.has(formatLink(link)) ? 1 : 0, evidence: link.evidence!, a: link.en.length, b: link.fr.length });
  }
}
if (rows.length === 0) {
  console.log("No gold corpora found.");
  process.exit(0);
}

const features = (r: Row) => [
  1,
  r.evidence.coverage,
  r.evidence.length,
  Math.min(20, r.evidence.margin) / 5,
  r.a === 0 || r.b === 0 ? 1 : 0,
  r.a + r.b > 2 ? 1 : 0,
];
const train = rows.filter((r) => r.corpus === "transread" || r.corpus === "udhr");
const heldOut = rows.filter((r) => r.corpus.startsWith("canada"));

// Logistic regression by batch gradient descent: six weights, a few thousand links.
let w = [0, 0, 0, 0, 0, 0];
for (let round = 0; round < 3000; round++) {
  const gradient = [0, 0, 0, 0, 0, 0];
  for (const r of train) {
    const x = features(r);
    const p = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, x.reduce((s, v, k) => s + v * w[k], 0)))));
    x.forEach((v, k) => (gradient[k] += (p - r.right) * v));
  }
  w = w.map((v, k) => v - (0.5 * gradient[k]) / train.length);
}
const refit = { bias: w[0], coverage: w[1], length: w[2], margin: w[3] / 5, unlinked: w[4], merged: w[5] };

function reliability(label: string, data: Row[], model: typeof CONFIDENCE_MODEL) {
  const bins = Array.from({ length: 10 }, () => [0, 0]);
  for (const r of data) {
    const p = confidenceOf(r.evidence, r.a, r.b, model);
    const bin = bins[Math.min(9, Math.floor(p * 10))];
    bin[0]++;
    bin[1] += r.right;
  }
  const cells = bins.map(([n, right], k) => (n === 0 ? "      -     " : `${(right / n).toFixed(2)} (${String(n).padStart(5)})`));
  console.log(`${label.padEnd(34)} ${cells.join(" ")}`);
}

console.log(`links: ${train.length} for the fit (TransRead, UDHR), ${heldOut.length} held out (Canadian acts)`);
console.log(`model in the code: ${JSON.stringify(CONFIDENCE_MODEL)}`);
console.log(`refit on this run:  ${JSON.stringify(Object.fromEntries(Object.entries(refit).map(([k, v]) => [k, Number(v.toFixed(3))])))}`);
console.log(`\nshare of right links (and count) per confidence band`);
console.log(`${"".padEnd(34)} ${Array.from({ length: 10 }, (_, k) => `${(k / 10).toFixed(1)}-${((k + 1) / 10).toFixed(1)}    `).join(" ")}`);
reliability("fit set, model in the code", train, CONFIDENCE_MODEL);
reliability("held out, model in the code", heldOut, CONFIDENCE_MODEL);
reliability("held out, refit", heldOut, refit);

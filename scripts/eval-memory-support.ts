/**
 * Imported memories' lexical support (decision 23): for each gold pair of ../shared/corpora, the support the aligner
 * reports for its own alignment, the support measured on the gold links as a memory of the pair would hold them
 * (linkSupport, what the memory import stores), and on the same units with the French shifted by 7 (a memory whose
 * pairing is wrong, which must look unrelated); with each measure's time. Then the Bank Act as a memory: its TMX as
 * Tandem writes it, read by readMemory (support included), timed, and its support on an even sample of links (what the
 * import measures) against every link. A benchmark prints figures; it asserts nothing.
 *
 *   npx tsx scripts/eval-memory-support.ts [--only NAME]
 */
import { alignSegments, linkSupport } from "../alignments/align/aligner";
import { CREATION_TOOL, TMX } from "../alignments/formats/bitext";
import { memoryUnit } from "../alignments/formats/memory";
import { memorySupport, readMemory, SUPPORT_SAMPLE } from "../app/models/memories.server";
import { goldPairs } from "./corpora";

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const pct = (x: number | null) => (x === null ? "  —  " : `${(100 * x).toFixed(1)}%`.padStart(6));
const timed = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
};

console.log("pair".padEnd(34), "links".padStart(6), "aligner".padStart(8), "(s)".padStart(6), "memory".padStart(8), "(s)".padStart(6), "shifted".padStart(8));
for (const pair of goldPairs()) {
  if (only && !pair.name.includes(only) && pair.corpus !== only) continue;
  const en = pair.en.map((text) => ({ text }));
  const fr = pair.fr.map((text) => ({ text }));
  const [own, alignMs] = timed(() => alignSegments(en, fr));
  const [memory, memoryMs] = timed(() => linkSupport(en, fr, pair.gold));
  // The same units, each French side taken from the unit seven further on: a memory paired wrongly (the French
  // document in that order, so the links stay in order).
  let next = 0;
  const shiftedFr: string[] = [];
  const shiftedLinks = pair.gold.map((link, k) => {
    const taken = pair.gold[(k + 7) % pair.gold.length].fr;
    for (const j of taken) shiftedFr.push(pair.fr[j]);
    const sides = { en: link.en, fr: taken.map((_, x) => next + x) };
    next += taken.length;
    return sides;
  });
  const shifted = linkSupport(en, shiftedFr.map((text) => ({ text })), shiftedLinks);
  console.log(
    `${pair.corpus}/${pair.name}`.slice(0, 34).padEnd(34),
    String(pair.gold.length).padStart(6),
    pct(own.support).padStart(8),
    (alignMs / 1000).toFixed(2).padStart(6),
    pct(memory).padStart(8),
    (memoryMs / 1000).toFixed(2).padStart(6),
    pct(shifted).padStart(8),
  );
}

const bank = goldPairs().find((p) => p.corpus === "canada-bank-act");
if (bank && (!only || only === "canada-bank-act")) {
  const units = bank.gold.map((link, k) =>
    memoryUnit({ en: link.en.map((i) => bank.en[i]), fr: link.fr.map((j) => bank.fr[j]), status: "confirmed", confidence: 1 }, { id: String(k + 1) }),
  );
  const tmx = [...TMX.write(units, { ...CREATION_TOOL, sourceLanguage: "en", targetLanguage: "fr", created: new Date() })].join("");
  const bytes = new TextEncoder().encode(tmx);
  const [plan, ms] = timed(() => readMemory({ name: "bank-act.tmx", bytes }));
  const sides = plan.links.map((l) => ({ en: Array.from({ length: l.sourceCount }, (_, x) => l.sourceStart + x), fr: Array.from({ length: l.targetCount }, (_, x) => l.targetStart + x) }));
  const enTexts = plan.en.doc.segments.map((s) => s.text);
  const frTexts = plan.fr.doc.segments.map((s) => s.text);
  const [sampled, sampledMs] = timed(() => memorySupport(enTexts, frTexts, sides));
  const [whole, wholeMs] = timed(() => memorySupport(enTexts, frTexts, sides, Infinity));
  console.log(`\nBank Act as a memory (${(bytes.length / 1e6).toFixed(1)} MB, ${units.length} units): readMemory ${(ms / 1000).toFixed(2)} s (support included)`);
  console.log(`  support on an even sample of ${SUPPORT_SAMPLE} links ${pct(sampled)} in ${(sampledMs / 1000).toFixed(2)} s; on every link ${pct(whole)} in ${(wholeMs / 1000).toFixed(2)} s`);
}

/**
 * Titles and pairing on the demo library (decision 0022): the title each seed and demo document would get from its
 * first headings if it were imported without one, beside the title Tandem seeds it with; the counterpart the pair
 * form proposes for each document of the library, with the reason it shows; and how long the form's documents
 * (with their symbols) and the proposals take. Asserts nothing.
 *
 *   npx tsx scripts/eval-names.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { proposeCounterpart } from "../alignments/pairing/counterpart";
import { processDocument } from "../alignments/text/pipeline";
import { titleFromHeadings } from "../alignments/text/title";
import { presegment } from "../alignments/text/given-segments";
import { pairingDocuments } from "../app/models/pairing.server";
import { openDatabase } from "../db/client.server";
import { corporaDir, corpusSeeds, demoSeeds, seed } from "../app/models/seeds.server";

const seeds = [...corpusSeeds(), ...demoSeeds()];
if (!corporaDir()) console.log("(no shared corpora: the five seeds only)");

console.log("Title from the first headings (imported without a title) · title Tandem seeds it with");
for (const s of seeds) {
  const kinds = typeof s.presegmented === "object" ? s.presegmented.kinds : undefined;
  const doc = s.presegmented ? presegment(s.raw, s.language, kinds) : processDocument(s.raw, s.language);
  console.log(`  ${s.sourceName}: ${JSON.stringify(titleFromHeadings(doc.paragraphs))} · ${JSON.stringify(s.title)}`);
}

const dir = mkdtempSync(path.join(tmpdir(), "tandem-names-"));
try {
  const db = openDatabase(path.join(dir, "names.sqlite"));
  seed({ db, seeds });
  const started = performance.now();
  const library = pairingDocuments(db);
  const read = performance.now() - started;
  console.log(`\nThe pair form's documents: ${library.length}, read with their symbols in ${read.toFixed(1)} ms`);
  console.log("Proposed counterpart of each document:");
  const times: number[] = [];
  for (const document of library) {
    const propose = () => proposeCounterpart(document, library.filter((d) => d.language !== document.language));
    const proposal = propose();
    // The first call of all also builds the word list; then the median of 20 runs.
    const runs = Array.from({ length: 20 }, () => {
      const t = performance.now();
      propose();
      return performance.now() - t;
    }).sort((a, b) => a - b);
    times.push(runs[10]);
    const title = library.find((d) => d.id === proposal?.id)?.title;
    console.log(`  ${document.language} ${JSON.stringify(document.title.slice(0, 60))} → ${proposal ? `${JSON.stringify(title)}: ${proposal.reason}` : "none"}`);
  }
  console.log(`A proposal (median of 20 runs, per document): ${Math.min(...times).toFixed(2)} to ${Math.max(...times).toFixed(2)} ms`);
  db.$client.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

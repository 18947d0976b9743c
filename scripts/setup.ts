/**
 * `npm run setup`: opens the database (creating it and running migrations), applies new seeds, aligns the
 * demo pairs the first time, and puts back in the queue any alignment a stopped server left unfinished; not
 * while a server runs on the database (decision 18): the alignments under way are that server's.
 */
import { eq } from "drizzle-orm";
import { mendCleanTexts } from "../app/models/editor-segments.server";
import { recoverInterruptedPairs } from "../app/models/pairs.server";
import { seed, seedPairs, seedStarterGlossary } from "../app/models/seeds.server";
import { pdftotextAvailable } from "../app/imports/pdftotext.server";
import { closeDb, DEFAULT_DATABASE_PATH, getDb } from "../db/client.server";
import { describeLease, liveLease } from "../db/lease.server";
import { seedLog } from "../db/schema";

const file = process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
const db = getDb();
console.log(`database ${file}: migrations applied`);
// Segment corrections keep the clean text in step since decision 0011; what earlier versions left behind is mended
// once per database. A second run would find nothing, but would read every corrected document's segments at each start.
const CLEAN_TEXTS_MENDED = "mend:clean-texts-follow-segments";
if (!db.select().from(seedLog).where(eq(seedLog.sourceKey, CLEAN_TEXTS_MENDED)).get()) {
  const mended = mendCleanTexts(db);
  if (mended.length > 0) console.log(`clean texts rewritten to agree with their corrected segments: documents ${mended.join(", ")}`);
  db.insert(seedLog).values({ sourceKey: CLEAN_TEXTS_MENDED }).run();
}
const { added, skipped } = seed({ log: (line) => console.log(line) });
console.log(`seeds: ${added.length} added, ${skipped.length} already applied`);
const glossary = seedStarterGlossary();
console.log(`starter glossary: ${glossary.added.length} entries added, ${glossary.skipped.length} already applied`);
const demoPairs = seedPairs({ log: (line) => console.log(line) });
console.log(`demo pairs: ${demoPairs.added.length} added, ${demoPairs.skipped.length} already there or not available`);
const server = liveLease(db);
if (server) {
  console.log(`alignments left as they are: a Tandem server is running on this database (${describeLease(server)}) and finishes its own`);
} else {
  const queued = recoverInterruptedPairs();
  if (queued.length > 0) console.log(`alignments to resume when the server starts: pairs ${queued.join(", ")}`);
}
closeDb();
if (!(await pdftotextAvailable())) {
  console.warn("PDF originals cannot be read: pdftotext is missing (Debian: apt-get install poppler-utils). Everything else works.");
}

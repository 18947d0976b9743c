/** `npm run setup`: opens the database (creating it and running migrations), then applies new seeds. */
import { closeDb, DEFAULT_DATABASE_PATH, getDb } from "./client.server";
import { seed } from "./seed";

const file = process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
getDb();
console.log(`database ${file}: migrations applied`);
const { added, skipped } = seed({ log: (line) => console.log(line) });
console.log(`seeds: ${added.length} added, ${skipped.length} already applied`);
closeDb();

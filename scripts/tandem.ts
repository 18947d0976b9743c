/**
 * The built command's entry (`tandem`, package.json's bin: dist/tandem.mjs, bundled by scripts/build-command.mjs at
 * `npm ci`/`npm install` and by `npm run build:command`). One bundle, no TypeScript compiled at start: that is what
 * makes it faster and lighter than `npx tsx scripts/align.ts`, which stays the development entry of the same program.
 *
 *   tandem align [options] FILE_A FILE_B
 *   tandem align --corpus DIR --out DIR [--jobs N] [--force] [options]
 */
import { isMainThread } from "node:worker_threads";
import { alignCommand, alignUsage } from "./align-command";

const USAGE = `tandem align: aligns two documents, or a folder of pairs (--corpus)\n${alignUsage("tandem align")}`;

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === "align") return alignCommand(rest, "tandem align");
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`tandem: unknown command ${command}\n${USAGE}\n`);
  return 2;
}

// The corpus workers load this same bundle (corpus-pool.ts): only the main thread runs the program.
if (isMainThread) process.exitCode = await main(process.argv.slice(2));

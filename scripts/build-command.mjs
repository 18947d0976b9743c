/**
 * Bundles the command line (scripts/tandem.ts) into one ES module, dist/tandem.mjs, package.json's `tandem` bin. Run by
 * `prepare` (so `npm ci` and `npm install` build it) and by `npm run build:command`; the tests build into a temporary
 * folder with `buildCommand(outfile)`. Plain JavaScript so that it runs before anything is compiled; esbuild is the
 * version Remix's compiler already brings (package.json's devDependencies).
 *
 *   node scripts/build-command.mjs [OUTFILE]
 */
import { chmodSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const COMMAND_FILE = fileURLToPath(new URL("../dist/tandem.mjs", import.meta.url));

export async function buildCommand(outfile = COMMAND_FILE) {
  await build({
    entryPoints: [fileURLToPath(new URL("./tandem.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    // Packages with native code or files of their own stay outside the bundle, loaded from node_modules as installed.
    packages: "external",
    // A small young generation, as the app's alignment worker has: the Bank Act peaks at about 120 MB instead of 155, for
    // the same CPU time (decision 38). `env -S` passes the flag through the shebang (coreutils 8.30 or later).
    banner: { js: "#!/usr/bin/env -S node --max-semi-space-size=1" },
    logLevel: "error",
  });
  chmodSync(outfile, 0o755);
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCommand(process.argv[2]);

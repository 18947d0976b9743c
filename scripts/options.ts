/** The command line of a benchmark: `--name value` options and bare `--flag`s. */

const args = process.argv.slice(2);

/** The value given after `name` (`--runs 7`), or `fallback` where the option is absent or has no value after it. */
export function option(name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

/** Whether the bare flag `name` (`--no-build`) is on the command line. */
export function flag(name: string): boolean {
  return args.includes(name);
}

import type { MemoryImportResult } from "~/models/memories.server";

/** "1 unit", "1,234 units". */
export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * The import report's lines on what issue 12 keeps of a memory (decision 23): where the title came from, the inline
 * codes kept (and any written as text), the units' own dates and users, and the links' lexical support.
 */
export function MemoryImportNotes({ result }: { result: MemoryImportResult }) {
  const { codes, stamped } = result.report;
  const kept = Object.entries(codes.kept).sort((a, b) => b[1] - a[1]);
  const keptTotal = kept.reduce((n, [, k]) => n + k, 0);
  return (
    <>
      <li data-testid="memory-title-from">
        {result.titleFrom === "header"
          ? "The title is the memory’s own name, from its header."
          : result.titleFrom === "form"
            ? "The title is the one given in the form."
            : "The memory’s header names nothing: the title comes from the file’s name."}
      </li>
      <li data-testid="memory-codes">
        {keptTotal === 0
          ? "The memory has no inline codes (tags)."
          : `Kept ${count(keptTotal, "inline code")} (${kept.map(([name, k]) => `<${name}> ×${k.toLocaleString("en-US")}`).join(", ")}) as protected chips; a TMX export writes them back as they were.`}
        {codes.converted > 0 ? ` Converted ${count(codes.converted, "code")} to their text (more distinct codes than a document can hold).` : ""}
      </li>
      {stamped > 0 ? <li data-testid="memory-stamps">{count(stamped, "unit")} kept {stamped === 1 ? "its" : "their"} creation and change dates and users.</li> : null}
      <li data-testid="memory-support">
        {result.support === null
          ? "Lexical support could not be measured (no link could be scored)."
          : `Lexical support: ${Math.round(result.support * 100)}% of links share words, numbers or names across their sides (as the aligner measures it).`}
      </li>
    </>
  );
}

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { importFromSource, type DocumentSource } from "../../app/models/document-import.server";
import type { Db } from "../../db/client.server";
import { documents } from "../../db/schema";
import { databasePerTest } from "./helpers";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

const PROSE = "International cooperation is essential to fight cybercrime. States must strengthen mutual legal assistance and the expedited preservation of data.";

/** Imports as "Add a document" does (in the import worker, here on this thread) and answers the title it got. */
async function titleOf(source: DocumentSource, text = "", title = ""): Promise<string> {
  const outcome = await importFromSource({ submission: { title, text, language: "en" }, source }, db);
  if (!outcome.ok) throw new Error(outcome.message);
  return db.select({ title: documents.title }).from(documents).where(eq(documents.id, outcome.id)).get()!.title;
}

const file = (name: string, text: string): DocumentSource => ({ kind: "file", name, bytes: new TextEncoder().encode(text) });

describe("the title of a document imported without one", () => {
  it("is the file's first heading, not its name", async () => {
    expect(await titleOf(file("cooperation-en.txt", `# International cooperation\n\n${PROSE}\n`))).toBe("International cooperation");
  });

  it("keeps a UN document's symbol beside its title, its masthead left out", async () => {
    const text = `United Nations\n\nEG.4/2026/L.1\n\nExpert Group on International Cooperation against Cybercrime\n\nVienna, 2–4 March 2026\n\n${PROSE}\n`;
    expect(await titleOf(file("V2601234.txt", text))).toBe("Expert Group on International Cooperation against Cybercrime (EG.4/2026/L.1)");
  });

  it("is the file's name when the text starts with prose", async () => {
    expect(await titleOf(file("statement-final.txt", `${PROSE}\n\nA second paragraph follows here.\n`))).toBe("statement-final");
  });

  it("is a web page's h1 before its first heading in the text", async () => {
    const page = `<!doctype html><html><head><title>Site · News</title></head><body><h1>Cybercrime treaty approved</h1><p>${PROSE}</p></body></html>`;
    expect(await titleOf(file("news.html", page))).toBe("Cybercrime treaty approved");
  });

  it("is a pasted text's heading, else its first line", async () => {
    expect(await titleOf({ kind: "text" }, `Report of the Expert Group\n\n${PROSE}`)).toBe("Report of the Expert Group");
    expect(await titleOf({ kind: "text" }, PROSE)).toBe(`${PROSE.slice(0, 79).trimEnd()}…`);
  });

  it("is never taken from the text when the user gave one", async () => {
    expect(await titleOf(file("cooperation-en.txt", `# International cooperation\n\n${PROSE}\n`), "", "My own title")).toBe("My own title");
  });
});

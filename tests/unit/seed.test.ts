import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { existsSync } from "node:fs";
import { documents, seedLog } from "../../db/schema";
import { corporaDir, corpusSeeds, demoSeeds, seed } from "../../app/models/seeds.server";
import { deleteDocument } from "../../app/models/documents.server";
import type { Db } from "../../db/client.server";
import { databasePerTest } from "./helpers";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

const countDocs = () => db.select({ n: sql<number>`count(*)` }).from(documents).get()!.n;
const seeds = () => corpusSeeds();

describe("seed", () => {
  it("imports the five French seeds of the corpus", () => {
    const { added } = seed({ db, seeds: seeds() });
    expect(added).toHaveLength(5);
    const rows = db.select().from(documents).all();
    expect(rows.map((r) => r.language)).toEqual(["fr", "fr", "fr", "fr", "fr"]);
    expect(rows.every((r) => r.origin === "seed" && r.segmentCount > 10 && r.description)).toBe(true);
  });

  it("adds nothing when run twice", () => {
    seed({ db, seeds: seeds() });
    const second = seed({ db, seeds: seeds() });
    expect(second.added).toEqual([]);
    expect(second.skipped).toHaveLength(5);
    expect(countDocs()).toBe(5);
  });

  it("does not bring back a seed the user deleted", () => {
    seed({ db, seeds: seeds() });
    const first = db.select().from(documents).where(eq(documents.sourceKey, "seed:000_2911ca80e3535edb.txt")).get()!;
    deleteDocument(first.id, db);
    expect(seed({ db, seeds: seeds() }).added).toEqual([]);
    expect(countDocs()).toBe(4);
    expect(db.select().from(seedLog).all()).toHaveLength(5);
  });

  it("leaves a seed the user retitled untouched", () => {
    seed({ db, seeds: seeds() });
    const key = "seed:001_6e18df5cbf6a0a2e.txt";
    db.update(documents).set({ title: "Ma lettre", language: "en" }).where(eq(documents.sourceKey, key)).run();
    const before = db.select().from(documents).where(eq(documents.sourceKey, key)).get()!;
    seed({ db, seeds: seeds() });
    const after = db.select().from(documents).where(eq(documents.sourceKey, key)).get()!;
    expect(after).toEqual(before);
    expect(after.title).toBe("Ma lettre");
  });

  it.runIf(existsSync("../shared/corpora/udhr"))("loads the demo documents one segment per line", () => {
    const demos = demoSeeds(corporaDir());
    expect(demos.map((d) => d.sourceKey)).toContain("demo:udhr/udhr.en");
    seed({ db, seeds: demos });
    seed({ db, seeds: demos });
    const udhr = db.select().from(documents).where(eq(documents.sourceKey, "demo:udhr/udhr.en")).get()!;
    expect(udhr).toMatchObject({ origin: "demo", language: "en", segmentCount: 92, segmentation: "lines" });
    const act = db.select().from(documents).where(eq(documents.sourceKey, "demo:canada-mla-act/M-13.6.fr")).get()!;
    expect(act.segmentCount).toBe(488);
    expect(countDocs()).toBe(demos.length);
  });
});

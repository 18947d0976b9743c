import { describe, expect, it } from "vitest";
import { CREATION_TOOL, TMX } from "./bitext";
import { memoryFromTmx, memoryUnit } from "./memory";
import { MEMOQ_BOLD_TMX, segsOf, TRADOS_TMX } from "./tmx-codes.cases";

/**
 * Two memory units merged into one (decision 23): each brought `<bpt i="1">`…`<ept i="1">`, and the unit written
 * out must still pair each `bpt` with its own `ept` and match each code with its counterpart in the other language.
 */

/** Each code of a `<seg>` as [element, i, x, content]. */
function codesOf(seg: string): Array<[string, string | null, string | null, string]> {
  return [...seg.matchAll(/<(bpt|ept|ph|it)\b([^>]*?)(?:\/>|>(.*?)<\/\1>)/g)].map((m) => [
    m[1],
    /\si="([^"]*)"/.exec(m[2])?.[1] ?? null,
    /\sx="([^"]*)"/.exec(m[2])?.[1] ?? null,
    m[3] ?? "",
  ]);
}

/** The `<ept>` each `<bpt>` of a seg is paired with, by `i`, as the pairs' contents; throws on a number used twice. */
function pairsOf(seg: string): string[] {
  const codes = codesOf(seg);
  const begins = codes.filter(([e]) => e === "bpt").map(([, i]) => i);
  const ends = codes.filter(([e]) => e === "ept").map(([, i]) => i);
  if (new Set(begins).size !== begins.length || new Set(ends).size !== ends.length) throw new Error(`an i used twice in ${seg}`);
  return codes.filter(([e]) => e === "bpt").map(([, i, , content]) => `${content}…${codes.find(([e, j]) => e === "ept" && j === i)?.[3]}`);
}

/** A memory's first two units written as one, the way a link merged in the editor is exported. */
function mergedUnitSegs(tmx: string): string[] {
  const { links, codes } = memoryFromTmx(tmx);
  const merged = { ...links[0], en: [...links[0].en, ...links[1].en], fr: [...links[0].fr, ...links[1].fr] };
  const unit = memoryUnit(merged, { codes: { en: codes, fr: codes } });
  return segsOf([...TMX.write([unit], { ...CREATION_TOOL, sourceLanguage: "en", targetLanguage: "fr", created: new Date() })].join(""));
}

describe("a unit holding two memory units' codes", () => {
  it.each([
    { name: "memoQ units whose bpt/ept both start at i=1", tmx: MEMOQ_BOLD_TMX },
    { name: "Trados units with empty tags", tmx: TRADOS_TMX },
  ])("$name: every i and x used once in each seg, each pair kept", ({ tmx }) => {
    const [en, fr] = mergedUnitSegs(tmx);
    for (const seg of [en, fr]) {
      const xs = codesOf(seg).map(([, , x]) => x).filter((x) => x !== null);
      expect(new Set(xs).size).toBe(xs.length);
      expect(() => pairsOf(seg)).not.toThrow();
    }
    // Each side's codes keep their counterparts: the same x names codes of the same kind in the same order.
    const kinds = (seg: string) => codesOf(seg).filter(([, , x]) => x !== null).map(([e, , x]) => `${e}${x}`);
    expect(kinds(fr)).toEqual(kinds(en));
  });

  it("pairs the first unit's bold with its own end, not with the second unit's", () => {
    const [en] = mergedUnitSegs(MEMOQ_BOLD_TMX);
    expect(en).toMatch(/^<seg><bpt i="1" x="1" type="bold">\{\}<\/bpt>This Treaty<ept i="1">\{\}<\/ept> enters into force on <ph x="2" type="x-mq-ph">\{1\}<\/ph>\. <bpt i="2" type="bold">\{\}<\/bpt>Article 5<ept i="2">\{\}<\/ept>/);
  });

  it("leaves a unit whose numbers are unique byte for byte", () => {
    const { links, codes } = memoryFromTmx(TRADOS_TMX);
    const units = links.map((link) => memoryUnit(link, { codes: { en: codes, fr: codes } }));
    expect(segsOf([...TMX.write(units, { ...CREATION_TOOL, sourceLanguage: "en", targetLanguage: "fr", created: new Date() })].join(""))).toEqual(segsOf(TRADOS_TMX));
  });
});

import { describe, expect, it } from "vitest";
import { anchorPath } from "./anchors";
import { buildFeatures, calibrate, Interner } from "./features";

/** A word of letters only, different for every k: `prefix` then k in base 26. */
const word = (prefix: string, k: number, base: number) => prefix + [0, 1, 2].map((d) => String.fromCharCode(base + (Math.floor(k / 26 ** d) % 26))).join("");

/**
 * 300 English and 300 Cyrillic segments that translate each other one to one. A dictionary gives the pairs of rows
 * 0–99 and 200–299; rows 100–199 share nothing, except two rare words of English row 110 that the dictionary finds in
 * Cyrillic row 190, far off the path: a chance match, as CC-CEDICT made on the Bible.
 */
function straySetting() {
  const english = Array.from({ length: 300 }, (_, k) => word("w", k, 97) + (k === 110 ? " quixotic zephyrus" : ""));
  const cyrillic = Array.from({ length: 300 }, (_, k) => word("ж", k, 0x430) + (k === 190 ? " причуда ветерок" : ""));
  const translations = new Map<string, string[]>([
    ["причуда", ["quixotic"]],
    ["ветерок", ["zephyrus"]],
  ]);
  for (let k = 0; k < 300; k++) if (k < 100 || k >= 200) translations.set(word("ж", k, 0x430), [word("w", k, 97)]);
  const interner = new Interner();
  const en = buildFeatures(english.map((text) => ({ text })), interner, null);
  const other = buildFeatures(cyrillic.map((text) => ({ text })), interner, translations, undefined, true);
  calibrate(en, other, 0.6);
  calibrate(other, en, 0.6);
  return { en, other };
}

describe("the anchors' path across scripts", () => {
  it("keeps to the diagonal through a stretch with no anchors, a lone chance match notwithstanding", () => {
    const { en, other } = straySetting();
    const { path } = anchorPath(en, other, 300, 300, 30, 4, true);
    expect(Math.abs(path[150] - 150)).toBeLessThanOrEqual(5);
    expect(Math.abs(path[110] - 110)).toBeLessThanOrEqual(5);
  });

  it("without corroboration (one script, as before) the lone match bends the path", () => {
    const { en, other } = straySetting();
    const { path } = anchorPath(en, other, 300, 300, 30, 4, false);
    expect(path[110]).toBeGreaterThan(180);
  });
});

import { formatLink, parseLinks, type LinkSides } from "../align/links";
import { languageOfTag } from "../languages";
import { fromSpreadsheetCell, toSpreadsheetCell } from "./csv";
import { parseTmx, tmxChunks, type TmxHeader } from "./tmx";
import { withCodeText, type InlineCodes } from "./tmx-codes";
import { withoutForbidden, type XmlWriteStats } from "./xml";

/** What Tandem writes in the headers of its files (TMX's creationtool and creationtoolversion). */
export const CREATION_TOOL = { creationTool: "Tandem", creationToolVersion: "0.1.0" } as const;

/** One exported link: both sides' text (a 1-2 link's segments joined with a space) and what Tandem knows of it. */
export interface BitextUnit {
  en: string;
  fr: string;
  props?: ReadonlyArray<readonly [string, string]>;
  /** The unit's name in formats that have one (TMX's tuid). */
  id?: string;
  /** When and by whom the unit was made and last changed, in formats that say it (TMX's tu attributes). */
  attributes?: ReadonlyArray<readonly [string, string]>;
  /**
   * What each side's code characters stand for (decision 23): TMX writes the codes' markup back, the plain
   * formats their text form (`{1}`, `<b>`), so a code never vanishes from a file.
   */
  codes?: { en?: InlineCodes; fr?: InlineCodes };
}

/**
 * The formats a reviewed alignment goes out in. Each writes chunks (so large pairs stream) and reads its own
 * output back: `tests` hold every format to one contract (escaping, language tags, round trip).
 */
export interface BitextFormat {
  name: "tmx" | "tsv";
  extension: string;
  contentType: string;
  write(units: Iterable<BitextUnit>, header: TmxHeader, stats?: XmlWriteStats): Iterable<string>;
  read(text: string): BitextUnit[];
  /** What a text becomes through the format when it cannot hold it as is (TSV has no room for tabs and line breaks). */
  normalise(text: string): string;
}

export const TMX: BitextFormat = {
  name: "tmx",
  extension: "tmx",
  contentType: "application/x-tmx+xml; charset=utf-8",
  write: (units, header, stats) => tmxChunks(header, mapUnits(units), stats),
  read(text) {
    const read = parseTmx(text);
    const codes = Object.keys(read.codes).length > 0 ? { en: read.codes, fr: read.codes } : undefined;
    return read.units.map((unit) => ({
      en: unit.variants.find((v) => languageOfTag(v.language) === "en")?.text ?? "",
      fr: unit.variants.find((v) => languageOfTag(v.language) === "fr")?.text ?? "",
      props: unit.props,
      ...(Object.keys(unit.attributes).length > 0 ? { attributes: Object.entries(unit.attributes) } : {}),
      ...(codes ? { codes } : {}),
    }));
  },
  // XML cannot hold most control characters: they are dropped (and counted) on the way out.
  normalise: (text) => withoutForbidden(text).replace(/\r\n?/g, "\n"),
};

function* mapUnits(units: Iterable<BitextUnit>) {
  for (const unit of units) yield { source: unit.en, target: unit.fr, props: unit.props, id: unit.id, attributes: unit.attributes, codes: { source: unit.codes?.en, target: unit.codes?.fr } };
}

/**
 * Plain parallel text as MT toolkits take it: one link per line, English, a tab, French. A spreadsheet opens
 * it too, so a side that would start a formula gets a leading apostrophe, as in CSV (csv.ts), which reading
 * takes off again.
 */
export const TSV: BitextFormat = {
  name: "tsv",
  extension: "tsv",
  contentType: "text/tab-separated-values; charset=utf-8",
  *write(units) {
    for (const unit of units) {
      const en = TSV.normalise(withCodeText(unit.en, unit.codes?.en));
      const fr = TSV.normalise(withCodeText(unit.fr, unit.codes?.fr));
      yield `${toSpreadsheetCell(en)}\t${toSpreadsheetCell(fr)}\n`;
    }
  },
  read(text) {
    return text
      .split("\n")
      .filter((line, k, all) => !(line === "" && k === all.length - 1))
      .map((line) => {
        const tab = line.indexOf("\t");
        return tab < 0 ? { en: fromSpreadsheetCell(line), fr: "" } : { en: fromSpreadsheetCell(line.slice(0, tab)), fr: fromSpreadsheetCell(line.slice(tab + 1)) };
      });
  },
  normalise: (text) => text.replace(/[\t\r\n]+/g, " "),
};

export const BITEXT_FORMATS: readonly BitextFormat[] = [TMX, TSV];

/** The gold-link format of the shared corpora: `[0]:[0]`, `[1,2]:[1]`, `[3]:[]`, one link per line. */
export function formatGoldLinks(links: readonly LinkSides[]): string {
  return links.map((link) => `${formatLink(link)}\n`).join("");
}

export { parseLinks as parseGoldLinks };

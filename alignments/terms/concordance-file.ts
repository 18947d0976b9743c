import { TSV } from "../formats/bitext";
import { formatCsv, toSpreadsheetCell } from "../formats/csv";

/**
 * A concordance as a file for a spreadsheet or a corpus tool: one occurrence a row, with its document, the row of
 * the pair it is read in (or its segment, in a document no aligned pair holds), its context, its counterpart and
 * a link back to it. Both formats are safe to double-click: a cell that would start a formula gets a leading
 * apostrophe (formats/csv.ts, decision 16), and TSV has no room for tabs or line breaks in a cell (spaces).
 */
export interface ConcordanceRecord {
  document: string;
  language: string;
  /** The pair the counterpart is read in; "" for a document in no aligned pair. */
  pair: string;
  /** The pair's row, or the document's segment when there is no pair (1-based). */
  row: number;
  left: string;
  hit: string;
  right: string;
  /** The other side of the occurrence's link; "" when it has none. */
  counterpart: string;
  link: string;
}

export const CONCORDANCE_FILE_FORMATS = ["csv", "tsv"] as const;
export type ConcordanceFileFormat = (typeof CONCORDANCE_FILE_FORMATS)[number];

const HEADER = ["Document", "Language", "Pair", "Row or segment", "Left context", "Hit", "Right context", "Counterpart", "Link"];

const cells = (r: ConcordanceRecord) => [r.document, r.language, r.pair, String(r.row), r.left, r.hit, r.right, r.counterpart, r.link];

export function concordanceFile(records: readonly ConcordanceRecord[], format: ConcordanceFileFormat): string {
  if (format === "csv") return formatCsv([HEADER, ...records.map(cells)]);
  return [HEADER, ...records.map(cells)].map((row) => row.map((cell) => toSpreadsheetCell(TSV.normalise(cell))).join("\t") + "\n").join("");
}

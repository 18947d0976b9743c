/**
 * CSV as RFC 4180 writes it: fields separated by commas (or semicolons, as spreadsheets set to French
 * write them), quoted when they hold a separator, a quote or a line break, quotes doubled inside.
 *
 * Spreadsheets read a cell that begins with =, +, -, @, a tab or a carriage return as a formula (CSV or
 * formula injection: a term "=HYPERLINK(…)" would run when the file is opened). So every cell Tandem writes
 * that begins with one of them gets a leading apostrophe, as OWASP recommends: spreadsheets show the text
 * and hide the apostrophe. Tandem's readers take it off again, so a file read back gives the original text
 * exactly. To keep that reversible, a text that itself begins with apostrophes followed by one of those
 * characters ("'=x") gets one more ("''=x"), and reading removes exactly one; any other apostrophe is text.
 */

export interface CsvRow {
  /** 1-based line where the row starts, for messages. */
  line: number;
  cells: string[];
}

/** The separator of a CSV text: a semicolon when its first line has more of them than commas (and tabs for TSV). */
export function csvSeparator(text: string): "," | ";" | "\t" {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => first.split(c).length - 1;
  if (count("\t") > count(",") && count("\t") > count(";")) return "\t";
  return count(";") > count(",") ? ";" : ",";
}

/**
 * A CSV text that cannot be read without guessing: a quoted field that is never closed swallows every row
 * after it, so the whole file is refused, naming the line where the quoted field starts.
 */
export class CsvError extends Error {
  constructor(
    /** 1-based line where the faulty quoted field starts. */
    readonly line: number,
    /** What is wrong, without the line: "a quoted field starts here and is never closed…". */
    readonly problem: string,
  ) {
    super(`Line ${line}: ${problem}`);
    this.name = "CsvError";
  }
}

/**
 * The rows of a CSV text. Throws CsvError when a quoted field is never closed, or when text follows its
 * closing quote (a quote missing or one too many: the field would otherwise swallow the next rows).
 */
export function parseCsv(text: string, separator = csvSeparator(text)): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const body = text.replace(/^\uFEFF/, "");
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== "") rows.push({ line: rowLine, cells: cells.map(fromSpreadsheetCell) });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') {
        quoted = false;
        // Spaces may pad a quoted field (hand-written files do); anything else before the separator is an error.
        while (body[i + 1] === " ") i++;
        const next = body[i + 1];
        if (next !== undefined && next !== separator && next !== "\n" && next !== "\r") throw textAfterQuote(quoteLine, line);
      } else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") (quoted = true), (quoteLine = line);
    else if (c === separator) (cells.push(cell), (cell = ""));
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) {
    throw new CsvError(quoteLine, `a quoted field starts here and is never closed, so it would take in every line after it. Add the closing quote (") or remove the opening one.`);
  }
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

function textAfterQuote(quoteLine: number, closeLine: number): CsvError {
  const where = closeLine === quoteLine ? "" : ` (its closing quote is on line ${closeLine})`;
  return new CsvError(
    quoteLine,
    `a quoted field starts here, but text follows its closing quote${where}: a quote is missing or one too many. Inside a quoted field, write a quote as two quotes ("").`,
  );
}

export function formatCsv(rows: ReadonlyArray<readonly string[]>): string {
  const field = (value: string) => (/[",;\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map((cell) => field(toSpreadsheetCell(cell))).join(",")).join("\r\n") + "\r\n";
}

/** A cell a spreadsheet would read as a formula, counting the apostrophes a text may already begin with. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A cell written by toSpreadsheetCell with its apostrophe in front. */
const MARKED_FORMULA_START = /^'+[=+\-@\t\r]/;

/** A text as a spreadsheet cell that cannot start a formula: "=SUM(A1)" → "'=SUM(A1)", "'=x" → "''=x"; others as they are. */
export function toSpreadsheetCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a cell written by toSpreadsheetCell stands for (its one added apostrophe removed). */
export function fromSpreadsheetCell(cell: string): string {
  return MARKED_FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/**
 * A limit on what an import may extract or read, reached while reading: the reader stops at once and
 * throws this, so that a small file that unfolds into a huge text (a Word "bomb", a page of 50 MB) costs
 * no more than the limit. Nothing is cut silently: the caller turns it into a refusal that names the limit.
 */
export class ReadLimitError extends Error {
  constructor(
    /** What passed its limit: characters of extracted text, or elements / entries / units counted. */
    readonly what: "characters" | "units" | "entries" | "terms" | "word pairs",
    readonly limit: number,
  ) {
    super(`more than ${limit} ${what}`);
    this.name = "ReadLimitError";
  }
}

/**
 * Counts the characters of a text as it is built, and throws ReadLimitError once they pass `limit`. Readers add
 * what they keep, without their separators and markers, so the count never exceeds the text: a throw means
 * the text is over the limit (the caller checks the finished text once more).
 */
export class TextBudget {
  private used = 0;
  constructor(readonly limit = Infinity) {}
  add(characters: number): void {
    this.used += characters;
    if (this.used > this.limit) throw new ReadLimitError("characters", this.limit);
  }
}

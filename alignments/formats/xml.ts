/**
 * Writing XML text: the five special characters escaped, and the characters XML 1.0 forbids (most C0
 * controls, lone surrogates, U+FFFE/U+FFFF) dropped, never written, and counted so an export can say so.
 */

// Tab, line feed and carriage return are allowed; the other C0 controls are not, nor lone surrogates.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface XmlWriteStats {
  /** Characters dropped because XML cannot hold them. */
  dropped: number;
}

/** The text without the characters XML cannot hold, each one counted in `stats`. */
export function withoutForbidden(text: string, stats?: XmlWriteStats): string {
  return text.replace(FORBIDDEN, () => {
    if (stats) stats.dropped++;
    return "";
  });
}

export function xmlText(text: string, stats?: XmlWriteStats): string {
  return withoutForbidden(text, stats).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function xmlAttribute(text: string, stats?: XmlWriteStats): string {
  // Line breaks and tabs in attributes would be normalised to spaces by a reader: write them as references.
  return xmlText(text, stats).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/**
 * What a writer adds after the document element when it dropped characters (known only at the end): a comment
 * there is allowed and every reader skips it.
 */
export function droppedNote(dropped: number): string {
  return dropped > 0 ? `<!-- Tandem left out ${dropped} control character${dropped === 1 ? "" : "s"} that XML cannot hold. -->\n` : "";
}

/** Limits shared by the server and the browser (a `.server` module would be empty in the browser bundle). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;
export const MAX_TITLE = 300;
/** A title made from other names, cut to MAX_TITLE with an ellipsis when it is longer. */
export function clipTitle(title: string): string {
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1).trimEnd()}…` : title;
}
/** PDF, Word and HTML originals, uploaded or fetched from a URL (their text is far smaller). */
export const MAX_ORIGINAL_BYTES = 50 * 1024 * 1024;
export const MAX_ORIGINAL_MB = MAX_ORIGINAL_BYTES / 1024 / 1024;
export const MAX_URL_LENGTH = 2000;
/**
 * Translation memories are larger than texts (markup around every unit): the Bank Act pair's TMX is 6.6 MB in
 * UTF-8 and about 14 MB in UTF-16. Reading one builds its whole XML tree, about 10 bytes of memory per byte of file.
 */
export const MAX_MEMORY_UPLOAD_BYTES = 16 * 1024 * 1024;
export const MAX_MEMORY_UPLOAD_MB = MAX_MEMORY_UPLOAD_BYTES / 1024 / 1024;

/** A size for a message about these limits ("7.3 MB", "12 KB"). */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * What one import may hold once read, besides the size of its file: each stops the reading as soon as it is
 * passed and refuses the file with a message naming it (nothing is cut). A text extracted from a PDF, Word
 * or HTML original has the 5 MB of a text file (MAX_UPLOAD_BYTES, in UTF-8).
 */
export const MAX_MEMORY_UNITS = 100_000;
export const MAX_GLOSSARY_ENTRIES = 20_000;
export const MAX_GLOSSARY_TERMS = 50_000;
/** A dictionary's word pairs (a phrase pairs each of its words with each of the other side's). */
export const MAX_LEXICON_PAIRS = 200_000;
/** "100,000", as the messages write a limit. */
export const formatCount = (n: number) => n.toLocaleString("en-US");

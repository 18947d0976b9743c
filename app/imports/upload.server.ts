import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";

import { MAX_UPLOAD_BYTES } from "../utils/limits";
import { RefusalOf } from "../utils/refusal";

export { formatSize } from "../utils/limits";
export { MAX_UPLOAD_BYTES };
/** Past this, stop reading an oversized upload and answer anyway. */
const MAX_DRAIN_BYTES = 256 * 1024 * 1024;
/** Tandem's forms have a handful of fields and one file: more is not a form of ours. */
const MAX_FIELDS = 100;
const MAX_FILES = 4;

export interface OversizedPart {
  field: string;
  filename?: string;
  /** Bytes received (a lower bound if the upload was too large to read to the end). */
  size: number;
}

export interface UploadedFile {
  /** The file's name as the browser gave it (see `formFileName`). */
  name: string;
  /** The type the browser declared ("text/plain"), a hint only. */
  type: string;
  /** The bytes, in an ArrayBuffer of their own (so that they can be handed to a worker without a copy). */
  bytes: Uint8Array;
}

export interface Upload {
  /** Text fields by name (the last one wins when a name is repeated). */
  fields: Record<string, string>;
  /** Files by field name; a file input left empty gives none. */
  files: Map<string, UploadedFile>;
  /** Parts over the limit: measured, not kept. */
  oversized: OversizedPart[];
}

/** An upload that cannot be read as a form: the route answers `status` with `message`. */
export class UploadError extends RefusalOf<400 | 413> {}

/**
 * A file name as the browser meant it. Browsers (the WHATWG HTML standard's multipart/form-data encoding, which
 * Chromium and Firefox follow) write a file's name raw in UTF-8 between quotes, except three characters that
 * would break the header: `"` becomes %22, CR %0D and LF %0A. They are turned back here; nothing else is
 * escaped, so a `%` of the name stays as it is. A path (only a non-browser client sends one) keeps its last part.
 */
export function formFileName(sent: string): string {
  return sent
    .slice(sent.lastIndexOf("/") + 1)
    .replace(/%(22|0D|0A)/g, (_all, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/**
 * Reads a multipart form as it streams in, with a per-part limit (5 MB unless given). A part over the limit
 * does not abort the parse: it is read to the end to measure it and comes back in `oversized`, while the other
 * fields (title, pasted text) stay available to refill the form. The parts' headers are read by busboy, which
 * follows RFC 7578 and the quoting browsers use, so a name with `;`, `=` or `"` is read whole.
 */
export function parseUpload(request: Request, maxPartSize = MAX_UPLOAD_BYTES): Promise<Upload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type) || !request.body) {
    return Promise.reject(new UploadError(400, "This form must be sent as a file upload (multipart/form-data): reload the page and try again."));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      // Browsers send names in UTF-8 (the page's encoding): busboy's default would read them as Latin-1.
      defParamCharset: "utf8",
      preservePath: true,
      limits: { fieldSize: maxPartSize, fields: MAX_FIELDS, files: MAX_FILES },
    });
  } catch {
    return Promise.reject(new UploadError(400, "This upload has no multipart boundary, so Tandem cannot read it: reload the page and try again."));
  }
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  return new Promise<Upload>((resolve, reject) => {
    const upload: Upload = { fields: {}, files: new Map(), oversized: [] };
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      body.unpipe(parser);
      body.destroy();
      parser.removeAllListeners();
      parser.on("error", () => {});
      reject(error);
    };
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) upload.oversized.push({ field: name, size: maxPartSize + 1 });
      else upload.fields[name] = value;
    });
    parser.on("file", (field, stream, info) => {
      const name = info.filename === undefined ? "" : formFileName(info.filename);
      const chunks: Buffer[] = [];
      let size = 0;
      // A file cut short fails the parser too, which says so: the file's own error adds nothing.
      stream.on("error", () => {});
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxPartSize) chunks.push(chunk);
        else if (size > MAX_DRAIN_BYTES) fail(new UploadError(413, `This upload is over ${MAX_DRAIN_BYTES / 1024 / 1024} MB: Tandem stopped reading it.`));
        else chunks.length = 0;
      });
      stream.on("end", () => {
        if (!name) return; // a file input left empty
        if (size > maxPartSize) {
          upload.oversized.push({ field, filename: name, size });
          return;
        }
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, at);
          at += chunk.length;
        }
        upload.files.set(field, { name, type: info.mimeType, bytes });
      });
    });
    const tooMany = () => fail(new UploadError(400, "This form sends more fields or files than Tandem's forms have: reload the page and try again."));
    parser.on("fieldsLimit", tooMany);
    parser.on("filesLimit", tooMany);
    parser.on("error", (error: Error) => fail(new UploadError(400, `This upload is damaged or cut short (${error.message.replace(/\.$/, "")}): try again.`)));
    parser.on("close", () => {
      if (settled) return;
      settled = true;
      resolve(upload);
    });
    body.on("error", (error) => fail(error));
    body.pipe(parser);
  });
}

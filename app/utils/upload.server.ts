import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";

import { MAX_UPLOAD_BYTES } from "./limits";

export { formatSize } from "./limits";
export { MAX_UPLOAD_BYTES };
/** Past this, stop reading an oversized upload and answer anyway. */
const MAX_DRAIN_BYTES = 256 * 1024 * 1024;

export interface OversizedPart {
  field: string;
  filename?: string;
  /** Bytes received (a lower bound if the upload was too large to read to the end). */
  size: number;
}

/**
 * Reads a multipart form into memory with a per-part limit (5 MB). A part over the limit does not abort
 * the parse: it is read to the end to measure it and comes back in `oversized`, while the other fields
 * (title, pasted text) stay available to refill the form.
 */
export async function parseUpload(request: Request, maxPartSize = MAX_UPLOAD_BYTES) {
  const oversized: OversizedPart[] = [];
  const memory = unstable_createMemoryUploadHandler({ maxPartSize });
  const measured: UploadHandler = async (part) => {
    const iterator = part.data[Symbol.asyncIterator]();
    let size = 0;
    const counted: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const step = await iterator.next();
          if (!step.done) size += step.value.byteLength;
          return step;
        },
      }),
    };
    try {
      return await memory({ ...part, data: counted });
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      while (size <= MAX_DRAIN_BYTES) {
        const step = await iterator.next();
        if (step.done) break;
        size += step.value.byteLength;
      }
      oversized.push({ field: part.name, filename: part.filename, size });
      if (size > MAX_DRAIN_BYTES) throw error;
      return "";
    }
  };
  const formData = await unstable_parseMultipartFormData(request, unstable_composeUploadHandlers(measured));
  return { formData, oversized };
}

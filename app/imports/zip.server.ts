import { inflateRawSync } from "node:zlib";

/**
 * A small ZIP reader for Office documents: it reads the central directory (the end of the archive), and
 * inflates one named entry at a time with Node's zlib, refusing entries that would inflate past a limit
 * (a ZIP bomb) or that are encrypted.
 */

export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes, or before a comment of up to 64 KB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError("the ZIP archive is damaged or cut short (no central directory)");
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError("ZIP64 archives are not read (an Office document is never one)");
  if (directoryOffset + directorySize > end) throw new ZipError("the ZIP archive is damaged (its directory points past its end)");
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipError("the ZIP archive is damaged (bad directory entry)");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry, inflated; refused past `maxBytes`. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.flags & 1) throw new ZipError(`${entry.name} is encrypted`);
  if (entry.size > maxBytes) throw new ZipError(`${entry.name} would inflate to ${entry.size} bytes, over the limit of ${maxBytes}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipError(`the ZIP archive is damaged (no local header for ${entry.name})`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipError(`the ZIP archive is cut short inside ${entry.name}`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError(`${entry.name} is compressed with method ${entry.method}, which Tandem does not read`);
  try {
    // The declared size may lie: zlib stops at the limit whatever the header says.
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError) throw new ZipError(`${entry.name} inflates past the limit of ${maxBytes} bytes`);
    throw new ZipError(`${entry.name} cannot be inflated (${(error as Error).message})`);
  }
}

// @ts-check
/**
 * Compression of the answers (decision 20). A client on this machine (the translator's browser, or a proxy in front
 * of Tandem, which compresses for its own clients) gets none: over loopback it saves nothing and costs CPU and
 * memory. Others get gzip or brotli as remix-serve gave them, brotli with a 1 MB window instead of its 4 MB
 * default: Tandem's large answers come out the same size (the Bank Act's texts 571 KB against 569 KB) and each
 * stream holds a quarter of the memory.
 */
import zlib from "node:zlib";
import compression from "compression";

/** Brotli's window, as a power of two. */
export const BROTLI_WINDOW_BITS = 20;

/**
 * Whether a peer address is this machine: 127.0.0.0/8 or ::1, also as an IPv4-mapped IPv6 address.
 * @param {string | undefined} address
 */
export function isLoopbackAddress(address) {
  if (!address) return false;
  const ip = address.toLowerCase().replace(/^::ffff:(?=\d+\.)/, "");
  return ip === "::1" || /^127\.\d+\.\d+\.\d+$/.test(ip);
}

/**
 * Whether an answer is compressed: never for a loopback peer, else as compression decides (its type, its size).
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
export function shouldCompress(req, res) {
  return !isLoopbackAddress(req.socket.remoteAddress) && compression.filter(req, res);
}

/** The compression middleware with these rules. */
export function responseCompression() {
  return compression({ filter: shouldCompress, brotli: { params: { [zlib.constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS } } });
}

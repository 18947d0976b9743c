import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formFileName, parseUpload, UploadError } from "../../app/imports/upload.server";

/** What Chromium sent for each name (tests/fixtures/multipart/capture.ts), byte for byte. */
const CAPTURED: Array<{ name: string; title: string; contentType: string; body: string }> = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../fixtures/multipart/chromium-bodies.json"), "utf8"),
).captured;

type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: Uint8Array };

/**
 * A multipart body framed as Chromium frames it (checked against the captured bodies below): a WebKit boundary,
 * CRLF line ends, a file's name in UTF-8 with `"`, CR and LF written %22, %0D and %0A.
 */
function chromiumBody(parts: Part[], boundary = "----WebKitFormBoundaryTandemTest0001"): { contentType: string; body: Uint8Array } {
  const pieces: Uint8Array[] = [];
  const text = (s: string) => pieces.push(new TextEncoder().encode(s));
  for (const part of parts) {
    if ("value" in part) {
      text(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value.replace(/\r?\n/g, "\r\n")}\r\n`);
    } else {
      const quoted = part.filename.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
      text(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${quoted}"\r\nContent-Type: ${part.type}\r\n\r\n`);
      pieces.push(part.bytes);
      text("\r\n");
    }
  }
  text(`--${boundary}--\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(pieces) };
}

/** A POST whose body arrives in pieces of `piece` bytes, as a socket delivers it. */
function post(contentType: string, body: Uint8Array, piece = 65_536): Request {
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= body.length) return controller.close();
      controller.enqueue(body.subarray(at, at + piece));
      at += piece;
    },
  });
  return new Request("http://127.0.0.1/documents/new", { method: "POST", headers: { "content-type": contentType }, body: stream, duplex: "half" } as RequestInit);
}

const FORM = (file: Part): Part[] => [
  { name: "intent", value: "import" },
  { name: "title", value: 'Titre "cité"; a=b' },
  file,
  { name: "text", value: "" },
];

describe("reading an upload as Chromium sends it", () => {
  it("frames the test bodies as Chromium does", () => {
    for (const captured of CAPTURED) {
      const boundary = captured.contentType.split("boundary=")[1];
      const made = chromiumBody(FORM({ name: "file", filename: captured.name, type: "text/plain", bytes: new TextEncoder().encode("Bonjour.\n") }), boundary);
      expect(Buffer.from(made.body).toString("utf8")).toBe(captured.body);
    }
  });

  it.each(CAPTURED.map((c) => [c.name, c] as const))("reads the file name %j whole, and the other fields", async (name, captured) => {
    const upload = await parseUpload(post(captured.contentType, new TextEncoder().encode(captured.body), 7));
    expect(upload.fields).toEqual({ intent: "import", title: captured.title, text: "" });
    expect(upload.oversized).toEqual([]);
    const file = upload.files.get("file");
    expect(file?.name).toBe(name);
    expect(file?.type).toBe("text/plain");
    expect(new TextDecoder().decode(file?.bytes)).toBe("Bonjour.\n");
  });

  it("turns back only the three escapes the standard defines", () => {
    expect(formFileName("Il a dit %22oui%22.txt")).toBe('Il a dit "oui".txt');
    expect(formFileName("a%0D%0Ab.txt")).toBe("a\r\nb.txt");
    expect(formFileName("taux=5%.txt")).toBe("taux=5%.txt");
    expect(formFileName("50%25 off.txt")).toBe("50%25 off.txt");
    expect(formFileName("C:/Users/marie/rapport.txt")).toBe("rapport.txt");
  });

  it("measures a file over the limit without keeping it, and keeps the other fields", async () => {
    const big = new Uint8Array(6 * 1024 * 1024 + 5).fill(0x61);
    const { contentType, body } = chromiumBody(FORM({ name: "file", filename: "gros; fichier.txt", type: "text/plain", bytes: big }));
    const upload = await parseUpload(post(contentType, body), 5 * 1024 * 1024);
    expect(upload.oversized).toEqual([{ field: "file", filename: "gros; fichier.txt", size: big.length }]);
    expect(upload.files.size).toBe(0);
    expect(upload.fields.title).toBe('Titre "cité"; a=b');
  });

  it("keeps a file in an ArrayBuffer of its own, ready to hand to a worker", async () => {
    const bytes = new TextEncoder().encode("x".repeat(100));
    const { contentType, body } = chromiumBody(FORM({ name: "file", filename: "petit.txt", type: "text/plain", bytes }));
    const file = (await parseUpload(post(contentType, body, 10))).files.get("file")!;
    expect(file.bytes.byteOffset).toBe(0);
    expect(file.bytes.buffer.byteLength).toBe(100);
  });

  it("gives no file for a file input left empty", async () => {
    const { contentType, body } = chromiumBody(FORM({ name: "file", filename: "", type: "application/octet-stream", bytes: new Uint8Array() }));
    const upload = await parseUpload(post(contentType, body));
    expect(upload.files.size).toBe(0);
    expect(upload.fields.intent).toBe("import");
  });

  it("refuses with a plain message what is not a form upload, a cut body, or too many files", async () => {
    const refusal = (request: Request) =>
      parseUpload(request).then(
        () => null,
        (error: unknown) => (error instanceof UploadError ? { status: error.status, message: error.message } : error),
      );
    expect(await refusal(post("application/x-www-form-urlencoded", new TextEncoder().encode("a=b")))).toMatchObject({ status: 400, message: /must be sent as a file upload/ });
    const { contentType, body } = chromiumBody(FORM({ name: "file", filename: "a.txt", type: "text/plain", bytes: new Uint8Array(1000) }));
    expect(await refusal(post(contentType, body.subarray(0, 400)))).toMatchObject({ status: 400, message: /damaged or cut short/ });
    const many = chromiumBody(Array.from({ length: 6 }, (_, k) => ({ name: `f${k}`, filename: `${k}.txt`, type: "text/plain", bytes: new Uint8Array(3) })));
    expect(await refusal(post(many.contentType, many.body))).toMatchObject({ status: 400, message: /more fields or files/ });
  });
});


import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { downloadResponse, LINK_FORMATS, openLinkExport } from "~/models/exports.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { refusalOf } from "~/utils/form-errors";
import { recordId } from "~/utils/params";

/**
 * Downloads the links of pairs: `?pair=ID` (repeatable) or `?all=1`, `format=tmx|tsv|csv|links`, and the
 * options `confirmed=1` (confirmed links only), `skipEmpty=1` (no 1-0 or 0-1 links) and `keepEmpty=1` (keep them in
 * a TMX, which leaves them out unless asked: they are not translation units). The file streams.
 * A bad parameter is answered 400 with a plain message.
 */
const flag = z
  .enum(["1", "on", "true", "0", "off", "false"], { errorMap: () => ({ message: "An option is 1 (on) or 0 (off)." }) })
  .optional()
  .transform((value) => value === "1" || value === "on" || value === "true");

const ExportQuery = z
  .object({
    pair: z.array(recordId()).max(1000, "Choose at most 1,000 pairs, or everything."),
    all: flag,
    format: z.enum(LINK_FORMATS, { errorMap: () => ({ message: `The format is one of ${LINK_FORMATS.join(", ")}.` }) }).default("tmx"),
    confirmed: flag,
    skipEmpty: flag,
    keepEmpty: flag,
  })
  // "Everything" wins over pairs ticked in the same form.
  .refine((q) => q.all || q.pair.length > 0, { message: "Choose at least one pair to export, or everything." });

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = ExportQuery.safeParse({
    pair: params.getAll("pair").filter((p) => p !== ""),
    all: params.get("all") ?? undefined,
    format: params.get("format") ?? undefined,
    confirmed: params.get("confirmed") ?? undefined,
    skipEmpty: params.get("skipEmpty") ?? undefined,
    keepEmpty: params.get("keepEmpty") ?? undefined,
  });
  if (!query.success) return refuse(400, refusalOf(query.error).message);
  const q = query.data;
  try {
    return downloadResponse(openLinkExport({ pairs: q.all ? "all" : q.pair, format: q.format, confirmedOnly: q.confirmed, skipEmpty: q.skipEmpty ? true : q.keepEmpty ? false : undefined }));
  } catch (error) {
    return answerRefusal(error, (refusal) => refuse(refusal.status, refusal.message));
  }
}

function refuse(status: number, message: string) {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { pairTextsResponse } from "~/models/editor-data.server";
import { pairIdParam } from "~/utils/params";
import { goneResponse } from "~/utils/refusal";

/**
 * Every segment text of a pair's two documents, for the editor of a large pair (its page comes with the first
 * screens' texts only). The editor asks once: its own segment changes come back in the edits' answers, and those
 * made elsewhere with the next edit that cannot conflict with them (`unseen`), or the page is refused as stale.
 * The answer is PairTexts as JSON, made by SQLite and streamed in pieces (editor-data.server.ts).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const response = pairTextsResponse(pairIdParam(params.id));
  if (!response) throw goneResponse("pair");
  return response;
}

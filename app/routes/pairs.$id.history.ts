import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { linkHistory } from "~/models/editor-history.server";
import { pairIdParam } from "~/utils/params";
import { goneResponse } from "~/utils/refusal";

/** "start,count" of one side; null when malformed. */
function side(value: string | null): [number, number] | null {
  const match = value === null ? null : /^(\d{1,9}),(\d{1,6})$/.exec(value);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/**
 * The history of one link, named by its segments (`?en=start,count&fr=start,count`, 0-based, in the current
 * numbering): the changes that touched them, newest first. The editor asks when a row's history is opened.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = pairIdParam(params.id);
  const url = new URL(request.url);
  const en = side(url.searchParams.get("en"));
  const fr = side(url.searchParams.get("fr"));
  if (!en || !fr || en[1] + fr[1] === 0) {
    throw new Response("Name the link by its segments: ?en=start,count&fr=start,count.", { status: 400 });
  }
  const entries = linkHistory(id, { sourceStart: en[0], sourceCount: en[1], targetStart: fr[0], targetCount: fr[1] });
  if (!entries) throw goneResponse("pair");
  return json({ entries });
}

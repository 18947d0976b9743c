import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { pairTexts } from "~/models/editor.server";
import { pairIdParam } from "~/utils/params";

/**
 * Every segment text of a pair's two documents, for the editor of a large pair (its page comes with the first
 * screens' texts only). The editor asks once: its own segment changes come back in the edits' answers, and those
 * made elsewhere with the next edit that cannot conflict with them (`unseen`), or the page is refused as stale.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const texts = pairTexts(pairIdParam(params.id));
  if (!texts) throw new Response("This pair does not exist; it may have been deleted.", { status: 404 });
  return json(texts);
}

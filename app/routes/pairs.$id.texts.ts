import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { pairTexts } from "~/models/editor.server";

/**
 * Every segment text of a pair's two documents, for the editor of a large pair (its page comes with the first
 * screens' texts only). Segments do not change while they are in a pair, so the editor asks once.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const texts = Number.isSafeInteger(id) && id > 0 ? pairTexts(id) : null;
  if (!texts) throw new Response("This pair does not exist; it may have been deleted.", { status: 404 });
  return json(texts);
}

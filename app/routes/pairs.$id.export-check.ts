import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { xmlForbiddenCount } from "~/models/exports.server";
import { getPairStatus } from "~/models/pairs.server";
import { pairIdParam } from "~/utils/params";
import { goneResponse } from "~/utils/refusal";

/**
 * What the export box warns about before a download: how many characters of the pair's text a TMX cannot
 * hold. Asked by the box after the page has shown, so a large pair's page does not wait for the scan.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = pairIdParam(params.id);
  if (!getPairStatus(id)) throw goneResponse("pair");
  return json({ xmlForbidden: xmlForbiddenCount(id) }, { headers: { "Cache-Control": "no-store" } });
}

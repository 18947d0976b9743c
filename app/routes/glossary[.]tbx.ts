import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchRefusal } from "~/models/corpus-queries.server";
import { downloadResponse, openGlossaryTbx } from "~/models/exports.server";

/** The whole glossary as TBX v3 (statuses, notes, evidence counts in the ready pairs, counted in the compute worker), as a download. */
export async function loader({ request }: LoaderFunctionArgs) {
  try {
    return downloadResponse(await openGlossaryTbx(undefined, { signal: request.signal }));
  } catch (error) {
    throw searchRefusal(error) ?? error;
  }
}

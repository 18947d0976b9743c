import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse, openGlossaryMartif, openGlossaryTbx } from "~/models/exports.server";
import { answerRefusal } from "~/utils/answer-refusal.server";

/**
 * The whole glossary as TBX v3 (statuses, notes, evidence counts in the ready pairs, counted in the compute
 * worker), or with `?dialect=martif` as TBX-Basic in the older martif form that many CAT tools still read.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (new URL(request.url).searchParams.get("dialect") === "martif") return downloadResponse(openGlossaryMartif());
  try {
    return downloadResponse(await openGlossaryTbx(undefined, { signal: request.signal }));
  } catch (error) {
    answerRefusal(error);
  }
}

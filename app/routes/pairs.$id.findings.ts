import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { runFindingAction } from "~/models/finding-acceptances.server";
import { pairFindings } from "~/models/pair-findings.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { pairIdParam } from "~/utils/params";

/**
 * The pair's terminology findings and term hits, for the editor: it asks after its first rows are painted and
 * again when the pair's version moves, so the page never waits for the check.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = pairIdParam(params.id);
  try {
    return json(await pairFindings(id));
  } catch (error) {
    answerRefusal(error);
  }
}

/** Accepts a finding with a note, or un-accepts it; answers { ok } or { ok: false, message } with a status. */
export async function action({ params, request }: ActionFunctionArgs) {
  try {
    await runFindingAction(pairIdParam(params.id), await request.formData());
  } catch (error) {
    return answerRefusal(error, (refusal) => json({ ok: false as const, message: refusal.message }, { status: refusal.status }));
  }
  return json({ ok: true as const });
}

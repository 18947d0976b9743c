import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { whenWritable } from "~/models/busy.server";
import { acceptFinding, unacceptFinding } from "~/models/finding-acceptances.server";
import { pairFindings } from "~/models/pair-findings.server";
import { TerminologyError } from "~/models/terminology-error.server";
import { FindingAction } from "~/utils/findings";
import { refusalOf } from "~/utils/form-errors";
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
    if (error instanceof TerminologyError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

/** Accepts a finding with a note, or un-accepts it; answers { ok } or { ok: false, message } with a status. */
export async function action({ params, request }: ActionFunctionArgs) {
  const id = pairIdParam(params.id);
  const form = FindingAction.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return json({ ok: false as const, message: refusalOf(form.error, { key: "the finding's key" }).message }, { status: 400 });
  try {
    const data = form.data;
    if (data.intent === "accept") await whenWritable((db) => acceptFinding(id, data, db));
    else await whenWritable((db) => unacceptFinding(id, data, db));
    return json({ ok: true as const });
  } catch (error) {
    if (error instanceof TerminologyError) return json({ ok: false as const, message: error.message }, { status: error.status });
    throw error;
  }
}

import { json } from "@remix-run/node";
import type { Renamed } from "~/models/renames.server";
import { answerRefusal } from "./answer-refusal.server";

/** What a page's action answers to intent "rename": declared here, where it is answered, so the form imports it (not the other way up). */
export type RenameAnswer = { ok: true; title: string; changed: boolean } | { ok: false; message: string };

/**
 * A page action's answer to intent "rename": the new title, a refusal the form shows (400, nothing written), or
 * 404 with `gone` when the document or pair does not exist any more.
 */
export async function renameAnswer(rename: () => Promise<Renamed | null>, gone: string) {
  try {
    const renamed = await rename();
    if (!renamed) throw new Response(gone, { status: 404 });
    return json<RenameAnswer>({ ok: true, title: renamed.title, changed: renamed.changed });
  } catch (error) {
    return answerRefusal(error, (refusal) => json<RenameAnswer>({ ok: false, message: refusal.message }, { status: refusal.status }));
  }
}

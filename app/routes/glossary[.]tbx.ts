import { downloadResponse, openGlossaryTbx } from "~/models/exports.server";

/** The whole glossary as TBX v3 (statuses, notes, evidence counts in the ready pairs), as a download. */
export async function loader() {
  return downloadResponse(openGlossaryTbx());
}

import { attachment, exportStream, openGlossaryTbx } from "~/models/exports.server";

/** The whole glossary as TBX v3 (statuses, notes, evidence counts in the ready pairs), as a download. */
export async function loader() {
  const file = openGlossaryTbx();
  return new Response(exportStream(file), {
    headers: { "Content-Type": file.contentType, "Content-Disposition": attachment(file.filename), "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

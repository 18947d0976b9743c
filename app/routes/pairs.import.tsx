import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { useForm } from "@conform-to/react";
import { z } from "zod";
import { importMemoryUpload } from "~/models/import-worker.server";
import type { MemoryImportResult } from "~/models/memories.server";
import { parseSubmission, refusalBody, refusedReply, type FormReply } from "~/utils/form-submission";
import { formatCount, MAX_MEMORY_UNITS, MAX_MEMORY_UPLOAD_BYTES, MAX_MEMORY_UPLOAD_MB, MAX_TITLE } from "~/utils/limits";
import { formatSize, parseUpload, type Upload } from "~/imports/upload.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { Bdi } from "~/components/bidi";
import { FieldIssues, invalidProps, IssueSummary, TextField, useFocusFirstInvalid } from "~/components/form-issues";
import { count, MemoryImportNotes } from "~/components/memory-import-notes";
import { Fact } from "~/components/fact";
import { PageHead, PAIRS_CRUMBS } from "~/components/page-head";
import { FormActions } from "~/components/form-actions";
import { UploadForm, useFileSizeCheck } from "~/components/upload-form";

export const meta: MetaFunction = () => [{ title: "Import a translation memory · Tandem" }];

const MemoryForm = z.object({
  intent: z.literal("import-memory", { errorMap: () => ({ message: "Tandem did not understand this request." }) }),
  title: z.string().trim().max(MAX_TITLE, `Keep the title under ${MAX_TITLE} characters.`).default(""),
});

const NO_FILE = "Choose a TMX file to import.";

type ActionResult = { ok: true; name: string; result: MemoryImportResult; attempt: number } | { ok: false; reply: FormReply; message: string; attempt: number };

function replied(status: number, reply: FormReply) {
  return json<ActionResult>({ ok: false, ...refusalBody(reply), attempt: Date.now() }, { status });
}

/** A refusal of the file (its size, its content): shown beside the file field, the title kept. */
function refuse(status: number, message: string, title = "") {
  return replied(status, refusedReply({ title }, message, "file"));
}

export async function action({ request }: ActionFunctionArgs) {
  let upload: Upload;
  try {
    upload = await parseUpload(request, MAX_MEMORY_UPLOAD_BYTES);
  } catch (error) {
    return answerRefusal(error, (refusal) =>
      refuse(refusal.status, refusal.status === 413 ? `This upload is too large; Tandem imports memories up to ${MAX_MEMORY_UPLOAD_MB} MB.` : refusal.message),
    );
  }
  const { fields, files, oversized } = upload;
  const submission = parseSubmission(fields, MemoryForm);
  if (submission.status !== "success") {
    // Every issue at once: a missing file is said beside the title's.
    return replied(400, submission.reply(files.has("file") || oversized.length > 0 ? {} : { fieldErrors: { file: [NO_FILE] } }));
  }
  const { title } = submission.value;
  if (oversized.length > 0) {
    return refuse(
      413,
      `This file is ${formatSize(
        oversized[0].size,
      )}; Tandem imports memories up to ${MAX_MEMORY_UPLOAD_MB} MB. Split the memory, or export fewer pairs from the tool that made it.`,
      title,
    );
  }
  const file = files.get("file");
  if (!file) return refuse(400, NO_FILE, title);
  try {
    const result = await importMemoryUpload({ name: file.name, bytes: file.bytes, title });
    return json<ActionResult>({ ok: true, name: file.name, result, attempt: Date.now() });
  } catch (error) {
    return answerRefusal(error, (refusal) => refuse(refusal.status, refusal.message, title));
  }
}

/** What the import made of the memory, and everything it left out, so nothing goes silently. */
function MemoryReport({ name, result }: { name: string; result: MemoryImportResult }) {
  const { report } = result;
  const types = Object.entries(report.byType).sort((a, b) => b[1] - a[1]);
  const others = Object.entries(report.otherLanguages);
  const leftOut: string[] = [];
  if (report.withoutText > 0) leftOut.push(`${count(report.withoutText, "unit")} with no English or French text`);
  if (others.length > 0)
    leftOut.push(
      `${count(
        others.reduce((n, [, k]) => n + k, 0),
        "variant",
      )} in other languages (${others.map(([l, k]) => `${l} ×${k}`).join(", ")})`,
    );
  if (report.extraVariants > 0) leftOut.push(`${count(report.extraVariants, "second variant")} of a language in the same unit (the first was kept)`);
  if (report.droppedCharacters > 0) leftOut.push(`${count(report.droppedCharacters, "control character")} that XML does not allow, dropped from the text`);
  return (
    <section className="memory-report" aria-labelledby="memory-report-title" data-testid="memory-report">
      <div className="alert alert--ok" role="status">
        Imported{" "}
        <strong>
          <Bdi>{name}</Bdi>
        </strong>
        : the pair{" "}
        <Link to={`/pairs/${result.pairId}`}>
          <Bdi>{result.title}</Bdi>
        </Link> with {count(result.links, "link")}, ready to
        review.
      </div>
      <h2 className="section-title" id="memory-report-title">
        Import report
      </h2>
      <dl className="meta memory-facts">
        <Fact term="Units read" testId="units-read">
          {report.units.toLocaleString("en-US")}{" "}
          <span className="muted">
            (TMX {report.version || "?"}, {result.encoding.toUpperCase()})
          </span>
          {result.encodingNote ? <span className="note-inline"> · {result.encodingNote}</span> : null}
        </Fact>
        <Fact term="Links" testId="links-made">
          {result.links.toLocaleString("en-US")}
        </Fact>
        <Fact term="Confirmed" testId="links-confirmed">
          {report.confirmed.toLocaleString("en-US")}
        </Fact>
        <Fact term="English document">
          <Link to={`/documents/${result.sourceDocumentId}`}>{count(result.enSegments, "segment")}</Link>
        </Fact>
        <Fact term="French document">
          <Link to={`/documents/${result.targetDocumentId}`}>{count(result.frSegments, "segment")}</Link>
        </Fact>
      </dl>
      <p className="type-counts" data-testid="link-types">
        {types.map(([type, n]) => (
          <span key={type} className={`type-count${type === "1-1" ? "" : " type-count--other"}`}>
            <span className="link-type">{type}</span> {n.toLocaleString("en-US")}
          </span>
        ))}
      </p>
      <ul className="memory-notes">
        {report.splitBack > 0 ? (
          <li>
            {count(report.splitBack, "unit")} {report.splitBack === 1 ? "was" : "were"} cut back into the segments {report.splitBack === 1 ? "it" : "they"} joined
            (Tandem’s <code>x-en-breaks</code> and <code>x-fr-breaks</code>).
          </li>
        ) : null}
        {report.keptJoined > 0 ? (
          <li>
            {count(report.keptJoined, "unit")} had {report.keptJoined === 1 ? "its" : "their"} segment breaks recorded, but the text no longer fits them:{" "}
            {report.keptJoined === 1 ? "it stays" : "they stay"} one segment.
          </li>
        ) : null}
        {report.byType["1-0"] || report.byType["0-1"] ? <li>A unit with only an English or only a French variant became a 1-0 or 0-1 link.</li> : null}
        <MemoryImportNotes result={result} />
        <li data-testid="left-out">{leftOut.length > 0 ? `Left out: ${leftOut.join("; ")}.` : "Nothing was left out."}</li>
      </ul>
      <div className="actions">
        <Link to={`/pairs/${result.pairId}`} className="button button--primary">
          Review the pair
        </Link>
        <Link to="/pairs/import" className="button" reloadDocument>
          Import another memory
        </Link>
      </div>
    </section>
  );
}

export default function ImportMemory() {
  const answer = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <PageHead
        crumbs={PAIRS_CRUMBS}
        title="Import a translation memory"
        lede={
          <>
            A TMX file from Tandem or from a CAT tool (TMX 1.1 to 1.4, UTF-8 or UTF-16, up to {MAX_MEMORY_UPLOAD_MB} MB and {formatCount(MAX_MEMORY_UNITS)} units) becomes an English and a French
            document, one segment per unit, and a pair whose links are the memory’s units, ready to review in the editor.
          </>
        }
      >
        <p className="lede-aside">
          A single text, not aligned yet (a PDF, a Word document, a web page or plain text)?{" "}
          <Link to="/documents/new">Add a document</Link>, then pair it with its translation.
        </p>
      </PageHead>

      {answer?.ok ? <MemoryReport name={answer.name} result={answer.result} /> : null}

      {answer?.ok ? null : <MemoryUploadForm key={answer?.attempt ?? "new"} reply={answer?.reply} />}
    </>
  );
}

/** The memory's form, drawn again on every refusal with the title typed and every issue. */
function MemoryUploadForm({ reply }: { reply: FormReply | undefined }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const size = useFileSizeCheck((file) =>
    file.size > MAX_MEMORY_UPLOAD_BYTES ? `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; Tandem imports memories up to ${MAX_MEMORY_UPLOAD_MB} MB.` : null,
  );
  const [form, fields] = useForm<{ title: string; file: File }>({ id: "import-memory", lastResult: reply });
  useFocusFirstInvalid(form.id, form.status === "error");
  const errors = size.refusal ? { file: [size.refusal] } : form.allErrors;

  return (
    <UploadForm id={form.id} check={size.check} onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value="import-memory" />
      <IssueSummary errors={errors} id="memory-error" />
      <div className="field">
        <label htmlFor="memory-file">TMX file</label>
        <input
          id="memory-file"
          name="file"
          type="file"
          accept=".tmx,.xml,application/x-tmx+xml"
          {...invalidProps(errors.file, "memory-file-issues", "memory-file-hint")}
          onChange={size.clear}
        />
        <FieldIssues id="memory-file-issues" errors={errors.file} />
        <p className="hint" id="memory-file-hint">
          Each unit becomes one link: its English and French variants (any region, “en-GB”, “fr-CA”), a unit with only one of them a 1-0 or 0-1 link. A link
          is confirmed when the unit says so (Tandem’s <code>x-status</code>), automatic otherwise. Variants in other languages are left out and counted.
        </p>
      </div>
      <TextField
        id="memory-title"
        label="Title"
        name="title"
        maxLength={MAX_TITLE}
        defaultValue={fields.title.initialValue ?? ""}
        placeholder="Optional: the memory’s own name (from its header), else the file’s name"
        errors={errors.title}
        issuesId={fields.title.errorId}
      />
      <FormActions label="Import" busyLabel="Importing…" busy={busy} cancelTo="/pairs" />
    </UploadForm>
  );
}

import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useForm } from "@conform-to/react";
import { z } from "zod";
import { TEXT_LANGUAGES, TEXT_LANGUAGE_NAMES } from "../../alignments/languages";
import { ALLOW_PRIVATE_SETTING, privateAddressesAllowed } from "~/models/fetch-original.server";
import { importSubmission, type FormValues, type ImportField } from "~/models/imports.server";
import { parseSubmission, refusalBody, refusedReply, type FormReply } from "~/utils/form-submission";
import { formatSize, MAX_ORIGINAL_BYTES, MAX_ORIGINAL_MB, MAX_TITLE, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB as MAX_MB, MAX_URL_LENGTH } from "~/utils/limits";
import { pdftotextAvailable } from "~/imports/pdftotext.server";
import { parseUpload, type Upload } from "~/imports/upload.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { Bdi } from "~/components/bidi";
import { PageHead, LIBRARY_CRUMBS } from "~/components/page-head";
import { FormActions } from "~/components/form-actions";
import { FieldIssues, invalidProps, IssueSummary, SelectField, TitleField, useFocusFirstInvalid } from "~/components/form-issues";
import { UploadForm, useFileSizeCheck } from "~/components/upload-form";

export const meta: MetaFunction = () => [{ title: "Add a document · Tandem" }];

export async function loader() {
  return json({ pdfReadable: await pdftotextAvailable(), privateAddresses: privateAddressesAllowed(), privateSetting: ALLOW_PRIVATE_SETTING });
}

/** Plain-text files keep the 5 MB limit; originals (PDF, Word, web pages) may be larger, their text is not. */
const isPlainTextName = (name: string) => !/\.(pdf|docx|html?|xhtml)$/i.test(name);
const FILE_LIMITS = `text files up to ${MAX_MB} MB and PDF, Word or HTML files up to ${MAX_ORIGINAL_MB} MB`;

const ImportForm = z.object({
  intent: z.literal("import", { errorMap: () => ({ message: "Unknown form action." }) }),
  title: z.string().trim().max(MAX_TITLE, `Keep the title under ${MAX_TITLE} characters.`).default(""),
  text: z.string().default(""),
  url: z.string().trim().max(MAX_URL_LENGTH, `Keep the web address under ${MAX_URL_LENGTH} characters.`).default(""),
  language: z.enum(["auto", ...TEXT_LANGUAGES], { errorMap: () => ({ message: "Choose the text's language in the list, or automatic detection." }) }).default("auto"),
  segmentation: z
    .enum(["auto", "pipeline", "lines"], { errorMap: () => ({ message: "Choose how to cut the text: automatically, into sentences, or one segment per line." }) })
    .default("auto"),
  sourceName: z.string().max(MAX_URL_LENGTH).default(""),
  encoding: z.enum(["", "utf-8", "utf-16le", "utf-16be", "windows-1252"]).default(""),
  encodingNote: z.string().max(500).default(""),
});

type Field = ImportField;
interface ActionResult {
  /** Conform's answer: the values handed back and every issue by field. */
  reply: FormReply;
  message: string;
  needsLanguage: boolean;
  /** Changes on every answer, so the form is rebuilt with the values handed back. */
  attempt: number;
}

const emptyValues: FormValues = { title: "", text: "", url: "", language: "auto", segmentation: "auto", sourceName: "", encoding: "", encodingNote: "" };

function replied(status: number, reply: FormReply, needsLanguage = false) {
  const result: ActionResult = { ...refusalBody(reply), needsLanguage, attempt: Date.now() };
  return json(result, { status });
}

function answer(status: number, field: Field, message: string, values: Partial<FormValues> = {}, needsLanguage = false) {
  return replied(status, refusedReply({ ...emptyValues, ...values }, message, field), needsLanguage);
}

export async function action({ request }: ActionFunctionArgs) {
  let upload: Upload;
  try {
    upload = await parseUpload(request, MAX_ORIGINAL_BYTES);
  } catch (error) {
    return answerRefusal(error, (refusal) => answer(refusal.status, "file", refusal.status === 413 ? `This upload is too large; Tandem accepts ${FILE_LIMITS}.` : refusal.message));
  }
  const { fields, files, oversized } = upload;
  const submission = parseSubmission(fields, ImportForm);
  if (submission.status !== "success") return replied(400, submission.reply());
  const form = { data: submission.value };
  const kept: Partial<FormValues> = {
    title: fields.title ?? "",
    text: fields.text ?? "",
    url: fields.url ?? "",
    language: form.data.language,
    segmentation: form.data.segmentation,
  };
  const pastedBytes = Buffer.byteLength(form.data.text, "utf8");
  const tooLarge = oversized[0] ?? (pastedBytes > MAX_UPLOAD_BYTES ? { field: "text", filename: undefined, size: pastedBytes } : undefined);
  if (tooLarge) {
    const what = tooLarge.filename ? "This file" : "The pasted text";
    const limit = tooLarge.filename ? FILE_LIMITS : `texts up to ${MAX_MB} MB`;
    return answer(413, tooLarge.filename ? "file" : "text", `${what} is ${formatSize(tooLarge.size)}; Tandem accepts ${limit}.`, {
      ...kept,
      text: tooLarge.field === "text" ? "" : kept.text,
    });
  }
  const uploaded = files.get("file");
  const file = uploaded ? { name: uploaded.name, bytes: uploaded.bytes } : null;
  const outcome = await importSubmission({ ...form.data, file });
  if (outcome.ok) return redirect(`/documents/${outcome.id}`);
  return answer(outcome.status, outcome.field, outcome.message, outcome.values, outcome.needsLanguage);
}

export default function NewDocument() {
  const result = useActionData<typeof action>();
  // Drawn again on every answer, with the values the server handed back (a text read from a file shows).
  return <ImportDocumentForm key={result?.attempt ?? "new"} result={result} />;
}

function ImportDocumentForm({ result }: { result: ActionResult | undefined }) {
  const { pdfReadable, privateAddresses, privateSetting } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const size = useFileSizeCheck((file) => {
    const limit = isPlainTextName(file.name) ? MAX_UPLOAD_BYTES : MAX_ORIGINAL_BYTES;
    return file.size > limit ? `This file is ${formatSize(file.size)}; Tandem accepts ${FILE_LIMITS}.` : null;
  });
  const [form, fields] = useForm<z.input<typeof ImportForm>>({ id: "import-document", lastResult: result?.reply });
  useFocusFirstInvalid(form.id, form.status === "error");
  const values = { ...emptyValues, ...(form.initialValue as Partial<FormValues> | undefined) };
  // A file refused here, before it is sent, replaces the server's issues.
  const errors = size.refusal ? { file: [size.refusal] } : form.allErrors;
  const issues = (name: keyof FormValues | "file") => errors[name];
  /** A list field's wiring: its id and name, the value handed back, its issues. */
  const fieldOf = (name: "language" | "segmentation") => ({ id: name, name, defaultValue: values[name], errors: issues(name), issuesId: fields[name].errorId });

  return (
    <>
      <PageHead
        crumbs={LIBRARY_CRUMBS}
        title="Add a document"
        lede={
          <>
            Paste a text in any language Tandem reads ({Object.values(TEXT_LANGUAGE_NAMES).join(", ")}), upload a file (a PDF, a Word document, a web page or plain text) or give a web
            address. Tandem reads the text, cleans it (running heads, page numbers and stamps, hyphens at line ends,
            navigation, markup), cuts it into segments and lists everything it removed.
          </>
        }
      >
        <p className="lede-aside">
          Already aligned elsewhere? A translation memory (TMX) from a CAT tool or from Tandem comes in as two documents and a
          ready pair: <Link to="/pairs/import">Import a translation memory</Link>.
        </p>
      </PageHead>

      <UploadForm id={form.id} check={size.check} onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="import" />
        {values.sourceName ? (
          <>
            <input type="hidden" name="sourceName" value={values.sourceName} />
            <input type="hidden" name="encoding" value={values.encoding} />
            <input type="hidden" name="encodingNote" value={values.encodingNote} />
          </>
        ) : null}

        <IssueSummary errors={errors} id="form-error" tone={result?.needsLanguage && !size.refusal ? "ask" : "error"} />

        <TitleField
          id="title"
          defaultValue={values.title}
          placeholder="Optional: the file name or the first line is used otherwise"
          errors={issues("title")}
          issuesId={fields.title.errorId}
        />

        <div className="field">
          <label htmlFor="text">Text</label>
          <textarea
            id="text"
            name="text"
            rows={14}
            defaultValue={values.text}
            placeholder="Paste the text here…"
            {...invalidProps(issues("text"), fields.text.errorId)}
          />
          <FieldIssues id={fields.text.errorId} errors={issues("text")} />
          {values.sourceName ? (
            <p className="hint">
              Text read from{" "}
              <strong>
                <Bdi>{values.sourceName}</Bdi>
              </strong>
              {values.encoding ? ` (${values.encoding.toUpperCase()})` : ""}.
            </p>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor="file">…or a file</label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".txt,.md,.pdf,.docx,.html,.htm,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            {...invalidProps(issues("file"), "file-issues", "file-hint")}
            onChange={size.clear}
          />
          <FieldIssues id="file-issues" errors={issues("file")} />
          <p className="hint" id="file-hint">
            PDF with a text layer, Word (.docx) or a saved web page (.html), up to {MAX_ORIGINAL_MB} MB; plain text (.txt, .md:
            UTF-8, UTF-16 or Windows-1252) up to {MAX_MB} MB.
            {pdfReadable ? null : (
              <strong className="warning-inline">
                {" "}
                PDFs cannot be read on this server: poppler&apos;s pdftotext is not installed (Debian: apt-get install poppler-utils).
              </strong>
            )}
          </p>
        </div>

        <div className="field">
          <label htmlFor="url">…or a web address</label>
          <input
            id="url"
            name="url"
            type="url"
            inputMode="url"
            defaultValue={values.url}
            maxLength={MAX_URL_LENGTH}
            placeholder="https://… a web page or a PDF"
            {...invalidProps(issues("url"), fields.url.errorId, "url-hint")}
          />
          <FieldIssues id={fields.url.errorId} errors={issues("url")} />
          <p className="hint" id="url-hint">
            The server fetches the page or PDF (up to {MAX_ORIGINAL_MB} MB, five redirects at most) and records the address as
            the document's source.
          </p>
          <p className="hint" data-testid="private-addresses">
            {privateAddresses ? (
              <>
                This server also fetches addresses on its own machine and on private networks: its administrator started it with{" "}
                <code>{privateSetting}=1</code>.
              </>
            ) : (
              <>
                This server does not fetch addresses on its own machine or on a private network. An administrator can allow them by starting it
                with <code>{privateSetting}=1</code>.
              </>
            )}
          </p>
        </div>

        <SelectField inline label="Language" {...fieldOf("language")} className={result?.needsLanguage ? "attention" : undefined}>
          <option value="auto">Detect automatically</option>
          <option value="fr">French</option>
          <option value="en">English</option>
          {TEXT_LANGUAGES.filter((code) => code !== "fr" && code !== "en").map((code) => (
            <option key={code} value={code}>
              {TEXT_LANGUAGE_NAMES[code]}
            </option>
          ))}
        </SelectField>

        <SelectField
          label="Segments"
          {...fieldOf("segmentation")}
          hint={
            <>
              A text already cut one sentence or unit per line (a CAT tool&apos;s plain-text export, a pre-split corpus, an act one provision per
              line) keeps its lines as segments. Automatic reads the lines of a plain text and the import report says what it chose; PDF, Word and
              web pages are cut into sentences unless you choose otherwise.
            </>
          }
        >
          <option value="auto">Automatic: one per line if the text is already cut</option>
          <option value="pipeline">Clean up and cut into sentences</option>
          <option value="lines">One segment per line, as given</option>
        </SelectField>

        <FormActions label="Import" busyLabel="Importing…" busy={busy} cancelTo="/" />
      </UploadForm>
    </>
  );
}

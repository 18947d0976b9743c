import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, MaxPartSizeExceededError, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { importSubmission, type FormValues } from "~/models/imports.server";
import { MAX_TITLE, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB as MAX_MB } from "~/utils/limits";
import { formatSize, parseUpload } from "~/utils/upload.server";

export const meta: MetaFunction = () => [{ title: "Add a document · Tandem" }];

const ImportForm = z.object({
  intent: z.literal("import", { errorMap: () => ({ message: "Unknown form action." }) }),
  title: z.string().trim().max(MAX_TITLE, `Keep the title under ${MAX_TITLE} characters.`).default(""),
  text: z.string().default(""),
  language: z.enum(["auto", "fr", "en"], { errorMap: () => ({ message: "Choose French, English or automatic detection." }) }).default("auto"),
  sourceName: z.string().max(255).default(""),
  encoding: z.enum(["", "utf-8", "utf-16le", "utf-16be", "windows-1252"]).default(""),
  encodingNote: z.string().max(500).default(""),
});

type Field = "text" | "file" | "language" | "title";
interface ActionResult {
  message: string;
  field: Field;
  needsLanguage: boolean;
  values: FormValues;
  /** Changes on every answer, so the form is rebuilt with the values handed back. */
  attempt: number;
}

const emptyValues: FormValues = { title: "", text: "", language: "auto", sourceName: "", encoding: "", encodingNote: "" };

function answer(status: number, field: Field, message: string, values: Partial<FormValues> = {}, needsLanguage = false) {
  const result: ActionResult = { message, field, needsLanguage, values: { ...emptyValues, ...values }, attempt: Date.now() };
  return json(result, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  let parsed: Awaited<ReturnType<typeof parseUpload>>;
  try {
    parsed = await parseUpload(request);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      const length = Number(request.headers.get("content-length") ?? 0);
      return answer(413, "file", `This upload is ${formatSize(length)}; Tandem accepts text files up to ${MAX_MB} MB.`);
    }
    throw error;
  }
  const { formData, oversized } = parsed;
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") fields[key] = value;
  const form = ImportForm.safeParse(fields);
  const kept: Partial<FormValues> = {
    title: fields.title ?? "",
    text: fields.text ?? "",
    language: form.success ? form.data.language : "auto",
  };
  if (!form.success) {
    const issue = form.error.issues[0];
    const field = (["title", "language"].includes(String(issue.path[0])) ? issue.path[0] : "text") as Field;
    return answer(400, field, issue.message, kept);
  }
  const tooLarge = oversized[0];
  if (tooLarge) {
    const what = tooLarge.filename ? "This file" : "The pasted text";
    const unit = tooLarge.filename ? "text files" : "texts";
    return answer(
      413,
      tooLarge.filename ? "file" : "text",
      `${what} is ${formatSize(tooLarge.size)}; Tandem accepts ${unit} up to ${MAX_MB} MB.`,
      { ...kept, text: tooLarge.field === "text" ? "" : kept.text },
    );
  }
  const upload = formData.get("file");
  const file =
    upload && typeof upload !== "string" && upload.name && upload.size > 0
      ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) }
      : upload && typeof upload !== "string" && upload.name
        ? { name: upload.name, bytes: new Uint8Array() }
        : null;
  const outcome = importSubmission({ ...form.data, file });
  if (outcome.ok) return redirect(`/documents/${outcome.id}`);
  return answer(outcome.status, outcome.field, outcome.message, outcome.values, outcome.needsLanguage);
}

export default function NewDocument() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [clientError, setClientError] = useState<string | null>(null);
  const values = result?.values ?? emptyValues;
  const error = clientError ?? result?.message ?? null;
  const errorField: Field | null = clientError ? "file" : (result?.field ?? null);

  function checkSize(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (file && file.size > MAX_UPLOAD_BYTES) {
      event.preventDefault();
      setClientError(`This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; Tandem accepts text files up to ${MAX_MB} MB.`);
    } else {
      setClientError(null);
    }
  }

  return (
    <>
      <div className="page-head">
        <div>
          <p className="crumbs">
            <Link to="/">Library</Link> /
          </p>
          <h1>Add a document</h1>
          <p className="lede">
            Paste a French or English text, or upload a plain-text file (.txt or .md, up to {MAX_MB} MB). Tandem cleans it
            (page numbers, stamps, markup), cuts it into segments and lists everything it removed.
          </p>
        </div>
      </div>

      <Form
        method="post"
        encType="multipart/form-data"
        className="import-form"
        key={result?.attempt ?? "new"}
        onSubmit={checkSize}
        noValidate
      >
        <input type="hidden" name="intent" value="import" />
        {values.sourceName ? (
          <>
            <input type="hidden" name="sourceName" value={values.sourceName} />
            <input type="hidden" name="encoding" value={values.encoding} />
            <input type="hidden" name="encodingNote" value={values.encodingNote} />
          </>
        ) : null}

        {error ? (
          <div className={`alert ${result?.needsLanguage && !clientError ? "alert--ask" : "alert--error"}`} role="alert" id="form-error">
            {error}
          </div>
        ) : null}

        <div className="field">
          <label htmlFor="title">Title</label>
          <input
            id="title"
            name="title"
            type="text"
            defaultValue={values.title}
            maxLength={MAX_TITLE}
            placeholder="Optional: the file name or the first line is used otherwise"
            aria-invalid={errorField === "title" || undefined}
          />
        </div>

        <div className="field">
          <label htmlFor="text">Text</label>
          <textarea
            id="text"
            name="text"
            rows={14}
            defaultValue={values.text}
            placeholder="Paste the text here…"
            aria-invalid={errorField === "text" || undefined}
            aria-describedby={error ? "form-error" : undefined}
          />
          {values.sourceName ? (
            <p className="hint">
              Text read from <strong>{values.sourceName}</strong>
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
            accept=".txt,.md,text/plain,text/markdown"
            aria-invalid={errorField === "file" || undefined}
            onChange={() => setClientError(null)}
          />
          <p className="hint">Plain text: UTF-8, UTF-16 or Windows-1252 (Latin-1). Word and PDF files must be saved as text first.</p>
        </div>

        <div className="field field--inline">
          <label htmlFor="language">Language</label>
          <select
            id="language"
            name="language"
            defaultValue={values.language}
            aria-invalid={errorField === "language" || undefined}
            className={result?.needsLanguage ? "attention" : undefined}
          >
            <option value="auto">Detect automatically</option>
            <option value="fr">French</option>
            <option value="en">English</option>
          </select>
        </div>

        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Importing…" : "Import"}
          </button>
          <Link to="/" className="button">
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}

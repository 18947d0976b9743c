import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useForm } from "@conform-to/react";
import { useMemo } from "react";
import { pairSides, PairSides, usePairChoice, type PairSide } from "~/components/pair-sides";
import { isTextLanguage, TEXT_LANGUAGE_NAMES, TEXT_LANGUAGES, type TextLanguage } from "../../alignments/languages";
import { pairingDocuments } from "~/models/pairing.server";
import { z } from "zod";
import { alignmentQueue } from "~/models/alignment-queue.server";
import { whenWritable } from "~/models/busy.server";
import { createPairWithDictionary } from "~/models/import-worker.server";
import { createPair } from "~/models/pairs.server";
import { glossaryChoiceOf, glossaryDomains } from "~/models/glossary-dictionary.server";
import { glossaryCounts } from "~/models/glossary.server";
import { DictionaryField } from "~/components/dictionary-field";
import { parseSubmission, refusalBody, refusedReply, type FormReply } from "~/utils/form-submission";
import { MAX_TITLE, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB as MAX_MB } from "~/utils/limits";
import { parseWhole } from "~/utils/params";
import { formatSize, parseUpload, type Upload } from "~/imports/upload.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { isolated } from "~/utils/bidi";
import { PageHead, PAIRS_CRUMBS } from "~/components/page-head";
import { FormActions } from "~/components/form-actions";
import { FieldIssues, invalidProps, IssueSummary, TitleField, useFocusFirstInvalid } from "~/components/form-issues";
import { UploadForm, useFileSizeCheck } from "~/components/upload-form";

export const meta: MetaFunction = () => [{ title: "Pair two documents · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const documents = pairingDocuments();
  const { languages, asked, issue } = sideLanguages(params);
  const preset = (field: "en" | "fr", language: TextLanguage) => {
    const id = parseWhole(params.get(field), 1);
    return documents.some((d) => d.id === id && d.language === language) ? String(id) : "";
  };
  return json({
    documents,
    languages,
    asked,
    languageIssue: issue,
    en: preset("en", languages.source),
    fr: preset("fr", languages.target),
    glossary: { entries: glossaryCounts().entries, domains: glossaryDomains() },
  });
}

type LanguageField = "source" | "target";
const DEFAULT_LANGUAGES = { source: "en", target: "fr" } as const;

/**
 * The sides' languages asked for (`?source=de&target=fr`): an English original and its French translation unless two
 * others are named. A line asked for that cannot be a pair is refused on its field (decision 0034), what was asked
 * kept in the line, and the form below stays English–French.
 */
function sideLanguages(params: URLSearchParams) {
  const asked = { source: params.get("source") ?? "", target: params.get("target") ?? "" };
  const refused = (field: LanguageField, message: string) => ({ languages: DEFAULT_LANGUAGES, asked, issue: { field, message } });
  if (!asked.source && !asked.target) return { languages: DEFAULT_LANGUAGES, asked, issue: null };
  if (!isTextLanguage(asked.source)) return refused("source", "Choose the original’s language in the list.");
  if (!isTextLanguage(asked.target)) return refused("target", "Choose the translation’s language in the list.");
  if (asked.source === asked.target) return refused("target", "Choose two different languages: an original and the language it is translated into.");
  return { languages: { source: asked.source, target: asked.target }, asked, issue: null };
}

/** One side's language in the form that sets them, with its issue beside it. */
function LanguageChoice({ name, label, value, errors }: { name: LanguageField; label: string; value: string; errors: string[] | undefined }) {
  return (
    <>
      <label htmlFor={`${name}-language`}>{label}</label>
      <select id={`${name}-language`} name={name} defaultValue={value} {...invalidProps(errors, `${name}-language-issues`)}>
        {TEXT_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {TEXT_LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <FieldIssues id={`${name}-language-issues`} errors={errors} />
    </>
  );
}

/** The line that sets the sides' languages: a plain GET, its refusal shown as every form shows one. */
function LanguageLine({ asked, issue }: { asked: Record<LanguageField, string>; issue: { field: LanguageField; message: string } | null }) {
  const errors: Partial<Record<LanguageField, string[]>> = issue ? { [issue.field]: [issue.message] } : {};
  useFocusFirstInvalid("pair-languages", issue !== null);
  return (
    <Form method="get" className="inline-form pair-languages" id="pair-languages" aria-label="The pair's languages">
      <IssueSummary errors={errors} id="languages-error" />
      <LanguageChoice name="source" label="Original in" value={asked.source || DEFAULT_LANGUAGES.source} errors={errors.source} />
      <LanguageChoice name="target" label="translated into" value={asked.target || DEFAULT_LANGUAGES.target} errors={errors.target} />
      <button type="submit" className="button button--small">
        Show these languages
      </button>
    </Form>
  );
}

const withArticle = (name: string) => `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;

const documentField = (language: string) =>
  z
    .string({ required_error: `Choose the ${language} document.` })
    .refine((value) => parseWhole(value, 1) !== null, `Choose the ${language} document.`)
    .transform(Number);

const PairSubmission = z.object({
  intent: z.literal("create", { errorMap: () => ({ message: "Unknown form action." }) }),
  en: documentField("English"),
  fr: documentField("French"),
  title: z.string().trim().max(MAX_TITLE, `Keep the title under ${MAX_TITLE} characters.`).default(""),
});

/** How a refusal names the sides' fields (their sentences come from form-errors.ts). */
const FIELD_NAMES = { en: "the English document", fr: "the French document" };

interface Values {
  en: string;
  fr: string;
  title: string;
  dictionary: string;
}
interface ActionResult {
  /** Conform's answer: the values handed back and every issue by field. */
  reply: FormReply;
  message: string;
  /** A dictionary had been chosen: the browser does not keep files, so the form says to choose it again. */
  hadLexicon: boolean;
  /** Changes on every answer, so the form is drawn again with the values handed back. */
  attempt: number;
}

function replied(status: number, reply: FormReply, hadLexicon = false) {
  const result: ActionResult = { ...refusalBody(reply), hadLexicon, attempt: Date.now() };
  return json(result, { status });
}

function answer(status: number, field: string, message: string, values: Values, hadLexicon = false) {
  return replied(status, refusedReply({ ...values }, message, field), hadLexicon);
}

export async function action({ request }: ActionFunctionArgs) {
  let upload: Upload;
  try {
    upload = await parseUpload(request);
  } catch (error) {
    return answerRefusal(error, (refusal) => {
      const message = refusal.status === 413 ? `This upload is too large; Tandem accepts dictionaries up to ${MAX_MB} MB.` : refusal.message;
      return answer(refusal.status, "lexicon", message, { en: "", fr: "", title: "", dictionary: "" });
    });
  }
  const { fields, files, oversized } = upload;
  const values: Values = { en: fields.en ?? "", fr: fields.fr ?? "", title: fields.title ?? "", dictionary: fields.dictionary ?? "" };
  const file = files.get("lexicon");

  const submission = parseSubmission(fields, PairSubmission, FIELD_NAMES);
  if (submission.status !== "success") return replied(400, submission.reply(), Boolean(file));
  const form = { data: submission.value };
  if (oversized[0]) {
    return answer(413, "lexicon", `This dictionary is ${formatSize(oversized[0].size)}; Tandem accepts dictionaries up to ${MAX_MB} MB.`, values, true);
  }
  try {
    const glossary = glossaryChoiceOf(values.dictionary);
    if (glossary && file) {
      return answer(400, "lexicon", "Choose the glossary or a dictionary file, not both: Tandem adds one dictionary to its built-in word list.", values, true);
    }
    const pair = { sourceDocumentId: form.data.en, targetDocumentId: form.data.fr, title: form.data.title };
    const dictionary = file ? { name: file.name, bytes: file.bytes } : glossary ? { glossary } : null;
    // A dictionary is read (or made of the glossary), and the pair stored with it, in the import worker; without one there is nothing to read.
    const { id, queued } = dictionary ? await createPairWithDictionary(pair, dictionary) : await whenWritable((db) => createPair(pair, db));
    if (queued) alignmentQueue().enqueue(id);
    return redirect(`/pairs/${id}`);
  } catch (error) {
    return answerRefusal(error, (refusal) => answer(refusal.status, refusal.field, refusal.message, values, Boolean(file)));
  }
}

export default function NewPair() {
  const { documents, languages, asked, languageIssue } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const result = useActionData<typeof action>();
  const sides = useMemo(() => pairSides(languages.source, languages.target), [languages.source, languages.target]);
  const [sourceName, targetName] = sides.map((side) => TEXT_LANGUAGE_NAMES[side.language]);
  // The sides' languages are data (components/pair-sides.tsx): the ones the library has no document in yet.
  const missing = sides.filter((side) => !documents.some((d) => d.language === side.language)).map((side) => TEXT_LANGUAGE_NAMES[side.language]);

  return (
    <>
      <PageHead
        crumbs={PAIRS_CRUMBS}
        title="Pair two documents"
        lede={
          <>
            Choose {withArticle(sourceName)} original and its {targetName} translation. Tandem aligns them segment by segment in the background and
            shows them side by side, with the links it is least sure of marked for checking.
          </>
        }
      />

      {missing.length > 0 ? (
        <div className="alert alert--ask" role="status">
          A pair needs {withArticle(sourceName)} and {withArticle(targetName)} document, and the library has no {missing.join(" or ")} document
          yet. <Link to="/documents/new">Add one first</Link>.
        </div>
      ) : null}

      {/* Drawn again for each line asked for, so a refused one has the focus. */}
      <LanguageLine key={search} asked={asked} issue={languageIssue} />

      {/* Drawn again on every answer, with the values the server handed back. */}
      <PairForm key={result?.attempt ?? "new"} sides={sides} result={result} />
    </>
  );
}

/** The pair's form: the two sides, a title and a dictionary; every issue at the top and beside its field (decision 0034). */
function PairForm({ sides, result }: { sides: readonly PairSide[]; result: ActionResult | undefined }) {
  const { documents, en, fr, glossary } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useForm<Values>({ id: "pair-form", lastResult: result?.reply });
  useFocusFirstInvalid(form.id, form.status === "error");
  const values: Values = { en, fr, title: "", dictionary: "", ...(form.initialValue as Partial<Values> | undefined) };
  const [chosen, choose] = usePairChoice(sides, documents, { en: values.en, fr: values.fr });
  const size = useFileSizeCheck(
    (file) => (file.size > MAX_UPLOAD_BYTES ? `This dictionary is ${(file.size / 1024 / 1024).toFixed(1)} MB; Tandem accepts dictionaries up to ${MAX_MB} MB.` : null),
    "lexicon",
  );
  // A file refused here, before it is sent, replaces the server's issues.
  const errors = size.refusal ? { lexicon: [size.refusal] } : form.allErrors;

  const byId = new Map(documents.map((d) => [String(d.id), d]));
  const enDoc = byId.get(chosen.en);
  const frDoc = byId.get(chosen.fr);
  const suggestedTitle = enDoc && frDoc ? `${isolated(enDoc.title)} ↔ ${isolated(frDoc.title)}` : "Optional: “English title ↔ French title” otherwise";

  return (
    <UploadForm id={form.id} className="import-form pair-form" check={size.check} onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value="create" />
      <IssueSummary errors={errors} id="form-error" />

      <PairSides sides={sides} documents={documents} chosen={chosen} onChoose={choose} errors={{ en: errors.en, fr: errors.fr }} />

      <TitleField id="title" defaultValue={values.title} placeholder={suggestedTitle} errors={errors.title} issuesId={fields.title.errorId} />

      <DictionaryField glossary={glossary} chosen={values.dictionary} errors={errors.lexicon} hadFile={Boolean(result?.hadLexicon)} onFileChange={size.clear} />

      <FormActions label="Pair and align" busyLabel="Creating the pair…" busy={busy} cancelTo="/pairs" />
    </UploadForm>
  );
}

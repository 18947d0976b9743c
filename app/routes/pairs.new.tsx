import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo, useState, type FormEvent } from "react";
import { pairSides, PairSides, usePairChoice } from "~/components/pair-sides";
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
import { refusalOf } from "~/utils/form-errors";
import { MAX_TITLE, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB as MAX_MB } from "~/utils/limits";
import { parseWhole } from "~/utils/params";
import { formatSize, parseUpload, type Upload } from "~/imports/upload.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { isolated } from "~/utils/bidi";
import { PageHead, PAIRS_CRUMBS } from "~/components/page-head";
import { FormActions } from "~/components/form-actions";

export const meta: MetaFunction = () => [{ title: "Pair two documents · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const documents = pairingDocuments();
  const languages = sideLanguages(params);
  const preset = (field: "en" | "fr", language: TextLanguage) => {
    const id = parseWhole(params.get(field), 1);
    return documents.some((d) => d.id === id && d.language === language) ? String(id) : "";
  };
  return json({
    documents,
    languages,
    en: preset("en", languages.source),
    fr: preset("fr", languages.target),
    glossary: { entries: glossaryCounts().entries, domains: glossaryDomains() },
  });
}

/** The sides' languages asked for (`?source=de&target=fr`): an English original and its French translation unless two others are named. */
function sideLanguages(params: URLSearchParams): { source: TextLanguage; target: TextLanguage } {
  const source = params.get("source");
  const target = params.get("target");
  if (!isTextLanguage(source) || !isTextLanguage(target) || source === target) return { source: "en", target: "fr" };
  return { source, target };
}

/** One side's language in the form that sets them. */
function LanguageChoice({ name, label, value }: { name: "source" | "target"; label: string; value: TextLanguage }) {
  return (
    <>
      <label htmlFor={`${name}-language`}>{label}</label>
      <select id={`${name}-language`} name={name} defaultValue={value}>
        {TEXT_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {TEXT_LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </>
  );
}

const withArticle = (name: string) => `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;

const documentField = (language: string) =>
  z
    .string({ required_error: `Choose the ${language} document.` })
    .refine((value) => parseWhole(value, 1) !== null, `Choose the ${language} document.`)
    .transform(Number);

const PairForm = z.object({
  intent: z.literal("create", { errorMap: () => ({ message: "Unknown form action." }) }),
  en: documentField("English"),
  fr: documentField("French"),
  title: z.string().trim().max(MAX_TITLE, `Keep the title under ${MAX_TITLE} characters.`).default(""),
});

type Field = "en" | "fr" | "title" | "lexicon";
interface Values {
  en: string;
  fr: string;
  title: string;
  dictionary: string;
}
interface ActionResult {
  message: string;
  field: Field;
  values: Values;
  /** A dictionary had been chosen: the browser does not keep files, so the form says to choose it again. */
  hadLexicon: boolean;
  attempt: number;
}

function answer(status: number, field: Field, message: string, values: Values, hadLexicon = false) {
  const result: ActionResult = { message, field, values, hadLexicon, attempt: Date.now() };
  return json(result, { status });
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

  const form = PairForm.safeParse(fields);
  if (!form.success) {
    const refusal = refusalOf(form.error, { en: "the English document", fr: "the French document" });
    const field = (["en", "fr", "title"].includes(refusal.field) ? refusal.field : "en") as Field;
    return answer(400, field, refusal.message, values, Boolean(file));
  }
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
    return answerRefusal(error, (refusal) => answer(refusal.status, refusal.field as Field, refusal.message, values, Boolean(file)));
  }
}

export default function NewPair() {
  const { documents, languages, en, fr, glossary } = useLoaderData<typeof loader>();
  const sides = useMemo(() => pairSides(languages.source, languages.target), [languages.source, languages.target]);
  const [sourceName, targetName] = sides.map((side) => TEXT_LANGUAGE_NAMES[side.language]);
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const values = result?.values ?? { en, fr, title: "", dictionary: "" };
  const [chosen, choose] = usePairChoice(sides, documents, { en: values.en, fr: values.fr });
  const [clientError, setClientError] = useState<string | null>(null);
  const error = clientError ?? result?.message ?? null;
  const errorField: Field | null = clientError ? "lexicon" : (result?.field ?? null);

  const byId = new Map(documents.map((d) => [String(d.id), d]));
  // The sides' languages are data (components/pair-sides.tsx): the ones the library has no document in yet.
  const missing = sides.filter((side) => !documents.some((d) => d.language === side.language)).map((side) => TEXT_LANGUAGE_NAMES[side.language]);
  const enDoc = byId.get(chosen.en);
  const frDoc = byId.get(chosen.fr);
  const suggestedTitle = enDoc && frDoc ? `${isolated(enDoc.title)} ↔ ${isolated(frDoc.title)}` : "Optional: “English title ↔ French title” otherwise";

  function checkSize(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("lexicon") as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (file && file.size > MAX_UPLOAD_BYTES) {
      event.preventDefault();
      setClientError(`This dictionary is ${(file.size / 1024 / 1024).toFixed(1)} MB; Tandem accepts dictionaries up to ${MAX_MB} MB.`);
    } else {
      setClientError(null);
    }
  }

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

      <Form method="get" className="inline-form pair-languages" aria-label="The pair's languages">
        <LanguageChoice name="source" label="Original in" value={languages.source} />
        <LanguageChoice name="target" label="translated into" value={languages.target} />
        <button type="submit" className="button button--small">
          Show these languages
        </button>
      </Form>

      <Form
        method="post"
        encType="multipart/form-data"
        className="import-form pair-form"
        key={result?.attempt ?? "new"}
        onSubmit={checkSize}
        noValidate
      >
        <input type="hidden" name="intent" value="create" />
        {error ? (
          <div className="alert alert--error" role="alert" id="form-error">
            {error}
          </div>
        ) : null}

        <PairSides sides={sides} documents={documents} chosen={chosen} onChoose={choose} errorField={errorField} error={error} />

        <div className="field">
          <label htmlFor="title">Title</label>
          <input
            id="title"
            name="title"
            type="text"
            defaultValue={values.title}
            dir="auto"
            maxLength={MAX_TITLE}
            placeholder={suggestedTitle}
            aria-invalid={errorField === "title" || undefined}
          />
        </div>

        <DictionaryField
          glossary={glossary}
          chosen={values.dictionary}
          invalid={errorField === "lexicon"}
          hadFile={Boolean(result?.hadLexicon)}
          onFileChange={() => setClientError(null)}
        />

        <FormActions label="Pair and align" busyLabel="Creating the pair…" busy={busy} cancelTo="/pairs" />
      </Form>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { ConcordanceResults, countedLine, SORT_CHOICES } from "~/components/concordance";
import { TerminologyNav } from "~/components/terminology";
import { concordanceScope } from "~/models/concordance.server";
import { SORTED_LIMIT, type ConcordanceAnswer } from "~/models/concordance-search.server";
import { searchConcordance } from "~/models/corpus-queries.server";
import { codesOfDocuments, codesOfPairs } from "~/models/inline-codes.server";
import { Bdi } from "~/components/bidi";
import { isolated } from "~/utils/bidi";
import { CONCORDANCE_FIELD_NAMES, concordanceFileHref, ConcordanceQuery } from "~/terminology/concordance-query";
import { refusalOf } from "~/utils/form-errors";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { PageHead, TERMINOLOGY_CRUMBS } from "~/components/page-head";

export const meta: MetaFunction = () => [{ title: "Concordance · Terminology · Tandem" }];

/**
 * The search runs in the compute worker over every document of each side searched (or one document, or one
 * pair's), never on the server's thread: each side answers with every occurrence counted, with the segments
 * holding them, and the first 200 in context. Two requests for the same search share one run, and a search
 * whose client went away before it started is not run.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = ConcordanceQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new Response(refusalOf(parsed.error, CONCORDANCE_FIELD_NAMES).message, { status: 400 });
  const query = parsed.data;
  const { documents, pairs, languages } = concordanceScope(query);
  const started = performance.now();
  const results: Record<"fr" | "en", ConcordanceAnswer | null> = { fr: null, en: null };
  if (query.q.trim() !== "") {
    try {
      const answers = await Promise.all(
        languages.map((language) =>
          searchConcordance(query.q, language, { documentId: query.doc, pairId: query.pair, match: query.match, sort: query.sort, signal: request.signal }),
        ),
      );
      languages.forEach((language, k) => (results[language] = answers[k]));
    } catch (error) {
      answerRefusal(error);
    }
  }
  // Each line's document and its counterpart's pair name their inline codes, shown as chips (decision 23).
  const found = Object.values(results).flatMap((answer) => answer?.documents ?? []);
  const codes = {
    documents: codesOfDocuments(found.map((d) => d.id)),
    pairs: codesOfPairs(found.flatMap((d) => (d.pairId === null ? [] : [d.pairId]))),
  };
  return json({ query, documents, pairs, results, codes, ms: Math.round(performance.now() - started), sortedLimit: SORTED_LIMIT });
}

const SIDE_NAMES = { fr: "French", en: "English" } as const;

export default function Concordance() {
  const { query, documents, pairs, results, codes, ms, sortedLimit } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/terminology/concordance";
  const searched = query.q.trim() !== "";
  const answers = (["fr", "en"] as const).flatMap((l) => (results[l] ? [[l, results[l]] as const] : []));
  const total = answers.reduce((sum, [, a]) => sum + a.total, 0);
  const filterHref = (documentId: number) => {
    const params = new URLSearchParams({ q: query.q, match: query.match, sort: query.sort, doc: String(documentId) });
    if (query.pair !== undefined) params.set("pair", String(query.pair));
    return `/terminology/concordance?${params}`;
  };
  const refusedSort = answers.find(([, a]) => a.sortRefused);
  return (
    <article className="terminology">
      <PageHead
        crumbs={TERMINOLOGY_CRUMBS}
        title="Concordance"
        lede={
          <>
            Every occurrence of a word or term in the library’s documents, paired or not, in its context, beside the other side of its link when an aligned
            pair holds the document. Matching is the glossary’s: plural, feminine, elided and possessive forms, accents and case (or the exact form).
          </>
        }
      />
      <TerminologyNav pairId={query.pair ?? null} />
      <Form method="get" className="concordance-form" role="search">
        <label className="concordance-query">
          <span className="visually-hidden">Word or term</span>
          <input type="search" name="q" defaultValue={query.q} placeholder="entraide juridique, mutual legal assistance…" aria-label="Word or term to find" maxLength={200} />
        </label>
        <label>
          In{" "}
          <select name="lang" defaultValue={query.lang} aria-label="Side searched">
            <option value="both">French and English</option>
            <option value="fr">French</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          of{" "}
          <select name="doc" defaultValue={query.doc ?? ""} aria-label="Document searched">
            <option value="">every document</option>
            {(["fr", "en"] as const).map((language) => (
              <optgroup key={language} label={SIDE_NAMES[language]}>
                {documents
                  .filter((d) => d.language === language)
                  .map((d) => (
                    <option key={d.id} value={d.id}>
                      {isolated(d.title)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          read in{" "}
          <select name="pair" defaultValue={query.pair ?? ""} aria-label="Pair searched">
            <option value="">every aligned pair</option>
            {pairs.map((p) => (
              <option key={p.id} value={p.id}>
                {isolated(p.title)}
              </option>
            ))}
          </select>
        </label>
        <label>
          sorted{" "}
          <select name="sort" defaultValue={query.sort} aria-label="Order">
            {SORT_CHOICES.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <input type="checkbox" name="match" value="exact" defaultChecked={query.match === "exact"} /> exact form only
        </label>
        <button type="submit" className="button button--small button--primary">
          {searching ? "Searching…" : "Search"}
        </button>
      </Form>
      {!searched ? (
        <p className="empty">Type a word or a term, French or English, and search.</p>
      ) : (
        <>
          <p className="muted" data-testid="concordance-summary">
            {answers.map(([l, a]) => countedLine(a, SIDE_NAMES[l])).join("; ")} ({ms} ms).
          </p>
          {refusedSort ? (
            <p className="concordance-notice" data-testid="concordance-sort-refused">
              Sorting by context takes at most {sortedLimit.toLocaleString("en-US")} occurrences: these are shown in the documents’ order. Search one side, one
              document or a longer phrase to sort them.
            </p>
          ) : null}
          {total > 0 ? (
            <p className="concordance-export" data-testid="concordance-export">
              {total > sortedLimit ? (
                <>
                  A file holds at most {sortedLimit.toLocaleString("en-US")} occurrences: search one side, one document or a longer phrase to download them.
                </>
              ) : (
                <>
                  Download {total === 1 ? "this occurrence" : `all ${total.toLocaleString("en-US")} occurrences, in this order`}: <a href={concordanceFileHref(query, "csv")}>CSV</a> ·{" "}
                  <a href={concordanceFileHref(query, "tsv")}>TSV</a>
                </>
              )}
            </p>
          ) : null}
          {total > 0 ? (
            <p className="muted concordance-legend">
              In the other side, marked: <mark className="hit hit--preferred">the glossary’s terms</mark> for the word or term searched, and{" "}
              <mark className="hit hit--lexicon">translations from the aligner’s word list</mark>.
            </p>
          ) : null}
        </>
      )}
      {answers.map(([language, answer]) =>
        answer.total === 0 ? null : (
          <section key={language} className="concordance" aria-label={`In the ${SIDE_NAMES[language]}`}>
            <h2 className="section-title">In the {SIDE_NAMES[language]}</h2>
            <ConcordanceResults answer={answer} language={language} filterHref={filterHref} codes={codes} />
          </section>
        ),
      )}
      {searched && total === 0 ? (
        <p className="empty">
          “<Bdi>{query.q}</Bdi>” does not occur in {query.doc !== undefined ? "this document" : query.pair !== undefined ? "this pair" : "any document"}.
        </p>
      ) : null}
    </article>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Highlighted } from "~/components/glossary";
import { RowLink, TerminologyNav } from "~/components/terminology";
import { searchConcordance, searchRefusal } from "~/models/corpus-queries.server";
import { readyPairs } from "~/models/corpus-read.server";
import { CONCORDANCE_LIMIT, type ConcordanceAnswer } from "~/models/corpus-search.server";
import { Bdi } from "~/components/bidi";
import { isolated } from "~/utils/bidi";
import { refusalOf } from "~/utils/form-errors";
import { recordId } from "~/utils/params";

export const meta: MetaFunction = () => [{ title: "Concordance · Terminology · Tandem" }];

const Query = z.object({
  q: z.string().max(200, "Search for a word or a term of at most 200 characters.").default(""),
  lang: z.enum(["both", "fr", "en"]).catch("both"),
  pair: z.preprocess((value) => (value === "" ? undefined : value), recordId().optional()),
  match: z.enum(["inflected", "exact"]).catch("inflected"),
});

/**
 * The search runs in the compute worker over every ready pair (or one), never on the server's thread: each
 * side answers with every occurrence counted and the first 200 in context. Two requests for the same search
 * share one run, and a search whose client went away before it started is not run.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new Response(refusalOf(parsed.error).message, { status: 400 });
  const { q, lang, pair, match } = parsed.data;
  const pairs = readyPairs();
  if (pair !== undefined && !pairs.some((p) => p.id === pair)) throw new Response("There is no aligned pair with this number.", { status: 404 });
  const started = performance.now();
  const results: Record<"fr" | "en", ConcordanceAnswer | null> = { fr: null, en: null };
  if (q.trim() !== "") {
    const sides = (["fr", "en"] as const).filter((language) => lang === "both" || lang === language);
    try {
      const answers = await Promise.all(sides.map((language) => searchConcordance(q, language, { pairId: pair, match, signal: request.signal })));
      sides.forEach((language, k) => (results[language] = answers[k]));
    } catch (error) {
      throw searchRefusal(error) ?? error;
    }
  }
  return json({ q, lang, pair: pair ?? null, match, pairs, results, ms: Math.round(performance.now() - started), limit: CONCORDANCE_LIMIT });
}

export default function Concordance() {
  const { q, lang, pair, match, pairs, results, ms, limit } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/terminology/concordance";
  const searched = q.trim() !== "";
  const counted = (answer: ConcordanceAnswer, where: string) =>
    `${answer.total.toLocaleString("en-US")} ${answer.total === 1 ? "occurrence" : "occurrences"} in the ${where}` +
    (answer.shown < answer.total ? `; the first ${answer.shown.toLocaleString("en-US")} shown` : "");
  return (
    <article className="terminology">
      <div className="page-head">
        <div>
          <p className="crumbs">
            <Link to="/terminology">Terminology</Link> /
          </p>
          <h1>Concordance</h1>
          <p className="lede">
            Every occurrence of a word or term in the aligned pairs, in its context, beside the other side of its link. Matching is the glossary’s:
            plural, feminine, elided and possessive forms, accents and case (or the exact form).
          </p>
        </div>
      </div>
      <TerminologyNav pairId={pair} />
      <Form method="get" className="concordance-form" role="search">
        <label className="concordance-query">
          <span className="visually-hidden">Word or term</span>
          <input type="search" name="q" defaultValue={q} placeholder="entraide juridique, mutual legal assistance…" aria-label="Word or term to find" maxLength={200} />
        </label>
        <label>
          In{" "}
          <select name="lang" defaultValue={lang} aria-label="Side searched">
            <option value="both">French and English</option>
            <option value="fr">French</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          of{" "}
          <select name="pair" defaultValue={pair ?? ""} aria-label="Pair searched">
            <option value="">every aligned pair</option>
            {pairs.map((p) => (
              <option key={p.id} value={p.id}>
                {isolated(p.title)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <input type="checkbox" name="match" value="exact" defaultChecked={match === "exact"} /> exact form only
        </label>
        <button type="submit" className="button button--small button--primary">
          {searching ? "Searching…" : "Search"}
        </button>
      </Form>
      {!searched ? (
        <p className="empty">Type a word or a term, French or English, and search.</p>
      ) : (
        <p className="muted" data-testid="concordance-summary">
          {(["fr", "en"] as const)
            .flatMap((l) => (results[l] ? [counted(results[l], l === "fr" ? "French" : "English")] : []))
            .join("; ")}{" "}
          ({ms} ms).
        </p>
      )}
      {(["fr", "en"] as const).map((language) => {
        const list = results[language]?.pairs;
        if (!list || list.length === 0) return null;
        return (
          <section key={language} className="concordance" aria-label={language === "fr" ? "In the French" : "In the English"}>
            <h2 className="section-title">{language === "fr" ? "In the French" : "In the English"}</h2>
            {list.map((result) => (
              <div key={result.pairId} className="concordance-pair">
                <h3>
                  <Link to={`/pairs/${result.pairId}`}>
                    <Bdi>{result.title}</Bdi>
                  </Link>{" "}
                  <span className="muted">
                    ({result.count.toLocaleString("en-US")}
                    {result.lines.length === result.count ? "" : result.lines.length === 0 ? `; after the first ${limit} shown` : `; the first ${result.lines.length} shown`})
                  </span>
                </h3>
                {result.lines.length === 0 ? null : (
                  <table className="kwic" data-testid="kwic">
                    <colgroup>
                      <col className="col-row" />
                      <col className="col-left" />
                      <col className="col-match" />
                      <col className="col-right" />
                      <col className="col-counterpart" />
                    </colgroup>
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          Row
                        </th>
                        <th scope="col" className="kwic-left">
                          Before
                        </th>
                        <th scope="col">Found</th>
                        <th scope="col">After</th>
                        <th scope="col">{language === "fr" ? "English of the link" : "French of the link"}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.lines.map((line, k) => (
                        <tr key={`${line.link}:${k}`} data-testid="kwic-line">
                          <td className="num">
                            <RowLink pairId={result.pairId} link={line.link} />
                          </td>
                          <td className="kwic-left" lang={language}>
                            <span>{line.left}</span>
                          </td>
                          <td className="kwic-match" lang={language}>
                            <mark className="hit">{line.match}</mark>
                          </td>
                          <td className="kwic-right" lang={language}>
                            {line.right}
                          </td>
                          <td className="kwic-counterpart" lang={language === "fr" ? "en" : "fr"}>
                            <Highlighted text={line.counterpart} hits={line.counterpartHits} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            ))}
          </section>
        );
      })}
      {searched && (results.fr?.total ?? 0) + (results.en?.total ?? 0) === 0 ? <p className="empty">“<Bdi>{q}</Bdi>” does not occur in {pair ? "this pair" : "any aligned pair"}.</p> : null}
    </article>
  );
}

import { FieldIssues, invalidProps } from "~/components/form-issues";
import { isolated } from "~/utils/bidi";

/** The glossary's size and domains, as the pair form offers them as dictionaries. */
export interface GlossaryOffer {
  entries: number;
  domains: Array<{ domain: string; entries: number }>;
}

const count = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "entry" : "entries"}`;

/**
 * The pair form's dictionary: the app's glossary (all of it or one domain), or a file (hunalign .dic, or a
 * CSV/TSV "english,french" list). Its own block, so that other changes to the form merge beside it.
 */
export function DictionaryField({
  glossary,
  chosen,
  errors,
  hadFile,
  onFileChange,
}: {
  glossary: GlossaryOffer;
  /** The select's value: "", "glossary" or "glossary:DOMAIN". */
  chosen: string;
  /** The dictionary's issues (decision 0034): both fields are marked, the issues shown beside the file. */
  errors: string[] | null | undefined;
  /** A file had been chosen before a refusal: the browser does not keep it. */
  hadFile: boolean;
  onFileChange: () => void;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor="dictionary">Dictionary from the glossary</label>
        <select id="dictionary" name="dictionary" defaultValue={chosen} {...invalidProps(errors, "lexicon-issues")}>
          <option value="">None: the built-in word list, or the file below</option>
          {glossary.entries > 0 ? <option value="glossary">The whole glossary ({count(glossary.entries)})</option> : null}
          {glossary.domains.map((d) => (
            <option key={d.domain} value={`glossary:${d.domain}`}>
              Domain “{isolated(d.domain)}” ({count(d.entries)})
            </option>
          ))}
        </select>
        <p className="hint">Each English term of an entry paired with each of its French terms, as the glossary stands when the pair is made.</p>
      </div>
      <div className="field">
        <label htmlFor="lexicon">Dictionary (optional)</label>
        <input
          id="lexicon"
          name="lexicon"
          type="file"
          accept=".dic,.txt,.csv,.tsv,text/plain,text/csv,text/tab-separated-values"
          {...invalidProps(errors, "lexicon-issues")}
          onChange={onFileChange}
        />
        <FieldIssues id="lexicon-issues" errors={errors} />
        <p className="hint">
          A hunalign dictionary (.dic, one “french @ english” entry per line) or a glossary file (CSV or TSV, “english,french” per line). The
          glossary or a file adds to Tandem’s built-in list of frequent words; the pair page says which was used.
          {hadFile ? " Browsers do not keep a chosen file: choose the dictionary again." : ""}
        </p>
      </div>
    </>
  );
}

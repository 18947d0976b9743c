import { languageName } from "../../alignments/languages";

export const ORIGIN_LABELS: Record<string, string> = { seed: "Seed corpus", demo: "Demo", import: "Imported" };

export function LanguageBadge({ language }: { language: string }) {
  const name = languageName(language);
  return (
    <span className={`badge badge--${language}`} title={name}>
      {language.toUpperCase()}
    </span>
  );
}

export function OriginTag({ origin }: { origin: string }) {
  return <span className={`origin origin--${origin}`}>{ORIGIN_LABELS[origin] ?? origin}</span>;
}

/** yyyy-mm-dd, the same on server and client whatever their time zones. */
export function isoDate(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10);
}

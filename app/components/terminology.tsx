/** Pieces shared by the terminology pages: their navigation, links to rows, and bars. */
import { Link, NavLink } from "@remix-run/react";

/** Links between the terminology pages of a pair (or the corpus-wide ones when `pairId` is null). */
export function TerminologyNav({ pairId }: { pairId: number | null }) {
  const item = (to: string, label: string, end = true) => (
    <NavLink to={to} end={end} className={({ isActive }) => `subnav-link${isActive ? " subnav-link--on" : ""}`}>
      {label}
    </NavLink>
  );
  return (
    <nav className="subnav" aria-label="Terminology">
      {pairId !== null ? (
        <>
          {item(`/pairs/${pairId}`, "Editor")}
          {item(`/pairs/${pairId}/terminology`, "Findings and renderings")}
          {item(`/pairs/${pairId}/candidates`, "Term candidates")}
          <Link className="subnav-link" to={`/terminology/concordance?pair=${pairId}`}>
            Concordance
          </Link>
          <span className="subnav-sep" aria-hidden="true">
            ·
          </span>
        </>
      ) : (
        item("/terminology", "Overview")
      )}
      {item("/terminology/variation", "Variation across documents")}
      {pairId === null ? item("/terminology/concordance", "Concordance") : null}
      {item("/glossary", "Glossary", false)}
    </nav>
  );
}

/** A link to a row of a pair's editor (a link's 0-based position shown as its row number). */
export function RowLink({ pairId, link, label = `Row ${link + 1} in the editor` }: { pairId: number; link: number; label?: string }) {
  return (
    <Link to={`/pairs/${pairId}#link-${link + 1}`} aria-label={label}>
      {link + 1}
    </Link>
  );
}

/** Links to rows of a pair's editor: the first `max`, then how many more. */
export function RowLinks({ pairId, links, max = 8, label = "row" }: { pairId: number; links: readonly number[]; max?: number; label?: string }) {
  if (links.length === 0) return null;
  return (
    <span className="row-links">
      <span className="muted">{links.length === 1 ? label : `${label}s`}</span>{" "}
      {links.slice(0, max).map((link, k) => (
        <span key={link}>
          {k > 0 ? ", " : ""}
          <Link to={`/pairs/${pairId}#link-${link + 1}`}>{link + 1}</Link>
        </span>
      ))}
      {links.length > max ? <span className="muted"> and {links.length - max} more</span> : null}
    </span>
  );
}

/** A horizontal bar for a count, as a share of the largest count shown beside it. */
export function CountBar({ count, max, tone = "glossary" }: { count: number; max: number; tone?: "glossary" | "other" | "none" }) {
  const width = max > 0 ? Math.max(2, Math.round((count / max) * 100)) : 0;
  return (
    <span className="count-bar" aria-hidden="true">
      <span className={`count-bar-fill count-bar-fill--${tone} share-${Math.min(100, width)}`} />
    </span>
  );
}

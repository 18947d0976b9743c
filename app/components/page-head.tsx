import { Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { Bdi } from "./bidi";

/** One step of the way back up the site, shown above a page's title and followed by a slash. */
export interface Crumb {
  to: string;
  label: ReactNode;
}

/** A button of a page's head: a link to another page; the one a visitor most likely wants is `primary`. */
export interface HeadAction {
  to: string;
  label: string;
  primary?: boolean;
}

/** The way back up from the pages under each section of the site. */
export const LIBRARY_CRUMBS: Crumb[] = [{ to: "/", label: "Library" }];
export const PAIRS_CRUMBS: Crumb[] = [{ to: "/pairs", label: "Pairs" }];
export const GLOSSARY_CRUMBS: Crumb[] = [{ to: "/glossary", label: "Glossary" }];
export const TERMINOLOGY_CRUMBS: Crumb[] = [{ to: "/terminology", label: "Terminology" }];

/** The way back up from a page of a pair: the list of pairs, then the pair by its title. */
export function pairCrumbs(pairId: number, title: string): Crumb[] {
  return [...PAIRS_CRUMBS, { to: `/pairs/${pairId}`, label: <Bdi>{title}</Bdi> }];
}

/**
 * A page's head, written once for every page so they all read the same way: the way back up (`crumbs`), the title, the
 * lede under it, then whatever else belongs in that column (`children`: a rename form, a second paragraph); to its right
 * the page's buttons (`actions`, links to other pages) or, where they are more than links, `side` as it is given. `crumbsLang` marks the crumbs' language where the
 * page itself is in another one (a French document's page).
 */
export function PageHead({
  crumbs,
  crumbsLang,
  title,
  lede,
  children,
  actions,
  side,
}: {
  crumbs?: Crumb[];
  crumbsLang?: string;
  title: ReactNode;
  lede?: ReactNode;
  children?: ReactNode;
  actions?: HeadAction[];
  side?: ReactNode;
}) {
  return (
    <div className="page-head">
      <div>
        {crumbs ? (
          <p className="crumbs" lang={crumbsLang}>
            {crumbs.map((crumb, i) => (
              <Fragment key={crumb.to}>
                {i > 0 ? " " : null}
                <Link to={crumb.to}>{crumb.label}</Link> /
              </Fragment>
            ))}
          </p>
        ) : null}
        <h1>{title}</h1>
        {lede ? <p className="lede">{lede}</p> : null}
        {children}
      </div>
      {actions ? (
        <div className="head-actions">
          {actions.map((action) => (
            <Link key={action.to} to={action.to} className={action.primary ? "button button--primary" : "button"}>
              {action.label}
            </Link>
          ))}
        </div>
      ) : null}
      {side}
    </div>
  );
}

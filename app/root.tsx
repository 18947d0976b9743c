import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { alignmentQueue } from "./models/alignment-queue.server";
import { useNonce } from "./utils/nonce";
import styles from "./styles/app.css";
import documentStyles from "./styles/documents.css";
import pairStyles from "./styles/pairs.css";
import editorStyles from "./styles/editor.css";
import editorPanelStyles from "./styles/editor-panels.css";
import glossaryStyles from "./styles/glossary.css";
import importExportRenameStyles from "./styles/import-export-rename.css";
import shareStyles from "./styles/shares.css";
import terminologyStyles from "./styles/terminology.css";
import terminologyCorpusStyles from "./styles/terminology-corpus.css";
import editorLayoutStyles from "./styles/editor-layout.css";

/** The style sheets in cascade order: the base, then app.css's features in the order they had in it. */
const STYLE_SHEETS = [
  styles,
  documentStyles,
  pairStyles,
  editorStyles,
  editorPanelStyles,
  glossaryStyles,
  importExportRenameStyles,
  terminologyStyles,
  terminologyCorpusStyles,
  shareStyles,
  editorLayoutStyles,
];

export const links: LinksFunction = () => [...STYLE_SHEETS.map((href) => ({ rel: "stylesheet", href })), { rel: "icon", href: "/favicon.ico", sizes: "any" }];

export const meta: MetaFunction = () => [{ title: "Tandem" }];

/** The first request after a start creates the alignment queue, which resumes what a stopped server left unfinished. */
export async function loader() {
  alignmentQueue();
  return json({});
}

/** The root's data never changes: no reload after each edit or form. */
export const shouldRevalidate = () => false;

/** A route whose `handle` says `wide` (the pair page's editor) takes the window's width, not a reading column's. */
const isWide = (handle: unknown) => typeof handle === "object" && handle !== null && (handle as { wide?: unknown }).wide === true;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const wide = useMatches().some((match) => isWide(match.handle));
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <header className="site-header">
          <div className="wrap">
            <Link to="/" className="brand">
              Tandem
            </Link>
            <span className="brand-tagline">Translation alignment and terminology workbench</span>
            <nav className="site-nav">
              <Link to="/">Library</Link>
              <Link to="/pairs">Pairs</Link>
              <Link to="/glossary">Glossary</Link>
              <Link to="/terminology">Terminology</Link>
              <Link to="/documents/new">Add a document</Link>
              <Link to="/guide">Guide</Link>
            </nav>
          </div>
        </header>
        <main className={wide ? "wrap wrap--wide" : "wrap"}>{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Something went wrong";
  let detail = "Tandem could not show this page. Your documents are safe; go back to the library and try again.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Not found";
      detail =
        typeof error.data === "string" && error.data
          ? error.data
          : "There is nothing at this address. The document may have been deleted.";
    } else {
      title = `${error.status} ${error.statusText}`;
      if (typeof error.data === "string" && error.data) detail = error.data;
    }
  }
  return (
    <div className="error-page" role="alert">
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <Link to="/">Back to the library</Link>
      </p>
    </div>
  );
}

import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { ShortcutList } from "~/components/shortcuts";
import { EDITOR_SHORTCUTS, MAP_SHORTCUTS, TEXT_BOX_SHORTCUTS } from "~/editor/shortcuts";
import { PageHead } from "~/components/page-head";

export const meta: MetaFunction = () => [{ title: "Guide · Tandem" }];

/**
 * A short user guide: from a document brought in to a memory sent out. The shortcuts are the editor's own list
 * (app/editor/shortcuts.ts), the one its key handler reads, so the guide cannot say what the keys do not do.
 */
export default function Guide() {
  return (
    <article className="guide">
      <PageHead title="Guide" lede="From a French text and its English original to a reviewed memory, in five steps." />

      <nav className="guide-contents" aria-label="Steps">
        <ol>
          <li><a href="#import">Import</a></li>
          <li><a href="#pair">Pair</a></li>
          <li><a href="#review">Review</a></li>
          <li><a href="#terminology">Terminology</a></li>
          <li><a href="#export">Export</a></li>
          <li><a href="#shortcuts">Keyboard shortcuts</a></li>
        </ol>
      </nav>

      <section id="import" aria-labelledby="guide-import">
        <h2 className="section-title" id="guide-import">1. Import</h2>
        <p>
          <Link to="/documents/new">Add a document</Link>: paste the text, choose a file (PDF with a text layer, Word .docx, a saved
          web page, plain text) or give a web address. Tandem cleans it (page numbers and running heads, footnotes, hard line
          breaks, markup), cuts it into sentences and recognises its language; check the language it proposes. The document's
          page shows the clean text, what was removed and why, and each segment's number.
        </p>
        <p>
          A text already cut one segment per line (a CAT tool's plain-text export, a pre-split corpus, a statute one unit per
          line) keeps its lines: with Segments on Automatic, a plain text whose lines mostly end a sentence is taken one
          segment per line, and the import report says why; choose &ldquo;One segment per line, as given&rdquo; or &ldquo;Clean up
          and cut into sentences&rdquo; to decide yourself (PDF, Word and web pages are cut into sentences unless you do). A
          document in no pair can be cut again the other way from its page, and renamed there.
        </p>
        <p>
          A translation memory you already have (TMX) comes in whole, as two documents and a ready pair:{" "}
          <Link to="/pairs/import">Import a memory</Link>, from the Pairs page.
        </p>
      </section>

      <section id="pair" aria-labelledby="guide-pair">
        <h2 className="section-title" id="guide-pair">2. Pair</h2>
        <p>
          <Link to="/pairs/new">Pair two documents</Link>: the English original and its French translation. Tandem aligns them
          sentence by sentence in the background (a long act takes a few seconds); you can keep working meanwhile. A dictionary
          of word pairs is optional and helps on specialised texts. The pair page then says how many links are low-confidence
          and warns when the two texts look unrelated or differ much in length.
        </p>
      </section>

      <section id="review" aria-labelledby="guide-review">
        <h2 className="section-title" id="guide-review">3. Review</h2>
        <p>
          The pair page is the editor: the English and French side by side, one link per row. Select a row (click it, or{" "}
          <kbd>j</kbd> and <kbd>k</kbd>); its tools open under it. Move a segment to the row above or below, merge with the next
          row, split a row, correct a segment's text, then <strong>confirm</strong> the row once it is right. <kbd>n</kbd> goes
          to the next row to check, low-confidence ones first. Every change is saved at once and can be undone; the history
          says who made it and when. Tandem asks your name at your first change, under the row, and remembers it; change it in
          the editor's bar.
        </p>
        <p>
          A row a person reshaped shows “edited by a person” instead of a confidence: the aligner's figure no longer applies to
          it. The filters above the rows show only the unconfirmed, low-confidence, not 1-1, edited rows or those with
          terminology findings; the search finds words on either side. The bar beside the rows is the whole alignment, top to
          bottom (green confirmed, blue likely right, orange uncertain, red low): click it to go there. “Hide panels” in the
          editor's bar gives the rows the whole screen; Tandem remembers it. “Realign the unconfirmed links” aligns again
          around the rows you confirmed.
        </p>
      </section>

      <section id="terminology" aria-labelledby="guide-terminology">
        <h2 className="section-title" id="guide-terminology">4. Terminology</h2>
        <p>
          The <Link to="/glossary">glossary</Link> holds concepts with their French and English terms (preferred, admitted,
          deprecated, forbidden); import and export it as CSV or TBX. The editor checks every link against it: glossary terms
          are highlighted, and a row whose translation misses a term, uses a deprecated one or has numbers that do not
          correspond gets a badge. Accept a finding that is right as it is, with a note: the “With findings” count drops. Each
          pair's Terminology page lists the findings by kind and how each term was rendered; Term candidates proposes new
          entries; the <Link to="/terminology">Terminology</Link> pages show variation across documents and a concordance.
        </p>
      </section>

      <section id="export" aria-labelledby="guide-export">
        <h2 className="section-title" id="guide-export">5. Export</h2>
        <p>
          On the pair page, Export downloads the links as a TMX 1.4 memory (for memoQ, Trados and other CAT tools), parallel
          text (TSV), CSV, or gold links; confirmed links only, and without 1-0 and 0-1 links, if you wish. The{" "}
          <Link to="/pairs">Pairs</Link> page exports the pairs you tick, or every ready pair, in one file.
        </p>
      </section>

      <section id="shortcuts" aria-labelledby="guide-shortcuts">
        <h2 className="section-title" id="guide-shortcuts">Keyboard shortcuts</h2>
        <h3 className="guide-keys-title">In the editor's rows</h3>
        <ShortcutList shortcuts={EDITOR_SHORTCUTS} className="guide-keys" />
        <h3 className="guide-keys-title">In a segment's text box</h3>
        <ShortcutList shortcuts={TEXT_BOX_SHORTCUTS} className="guide-keys" />
        <h3 className="guide-keys-title">On the alignment map (Tab to it)</h3>
        <ShortcutList shortcuts={MAP_SHORTCUTS} className="guide-keys" />
      </section>
    </article>
  );
}

import { createElement as h, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Link } from "@remix-run/react";
import { MemoryRouter } from "react-router-dom";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Bdi } from "./bidi";
import { ColumnHeads } from "./column-heads";
import { Fact } from "./fact";
import { FormActions } from "./form-actions";
import { FieldIssues, invalidProps, SelectField, TextField, TitleField } from "./form-issues";
import { PageHead, PAIRS_CRUMBS, pairCrumbs } from "./page-head";

/**
 * The parts that replaced markup written out in each route (issue 13 item 9) render that markup: each case puts the
 * part beside the hand-written JSX it replaced (as it stood in the route), and both must give the same HTML. React's
 * `<!-- -->` between adjacent text pieces is not markup a browser shows, so it is left out of the comparison.
 */
// Remix's Link runs a layout effect, which React warns of when rendering on the server: not what these cases are about.
beforeAll(() => {
  const error = console.error;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes("useLayoutEffect")) error(...args);
  });
});
afterAll(() => vi.restoreAllMocks());

const html = (node: ReactNode) => renderToStaticMarkup(h(MemoryRouter, null, node)).replaceAll("<!-- -->", "");

describe("the parts of pages written once", () => {
  it("PageHead gives a pair page's head: crumbs back to the pair, title, lede", () => {
    const lede = "The pair’s links checked against the glossary.";
    const before = h("div", { className: "page-head" },
      h("div", null,
        h("p", { className: "crumbs" }, h(Link, { to: "/pairs" }, "Pairs"), " /", " ", h(Link, { to: "/pairs/7" }, h(Bdi, null, "Loi ↔ Act")), " ", "/"),
        h("h1", null, "Terminology"),
        h("p", { className: "lede" }, lede)));
    expect(html(h(PageHead, { crumbs: pairCrumbs(7, "Loi ↔ Act"), title: "Terminology", lede }))).toBe(html(before));
  });

  it("PageHead gives a list page's head: title, lede, and its buttons, the primary last", () => {
    const before = h("div", { className: "page-head" },
      h("div", null, h("h1", null, "Pairs"), h("p", { className: "lede" }, "2 pairs.")),
      h("div", { className: "head-actions" },
        h(Link, { to: "/pairs/import", className: "button" }, "Import a memory (TMX)"),
        h(Link, { to: "/pairs/new", className: "button button--primary" }, "Pair two documents")));
    const after = h(PageHead, {
      title: "Pairs",
      lede: "2 pairs.",
      actions: [
        { to: "/pairs/import", label: "Import a memory (TMX)" },
        { to: "/pairs/new", label: "Pair two documents", primary: true },
      ],
    });
    expect(html(after)).toBe(html(before));
  });

  it("PageHead keeps what else belongs in the left column after the lede, and a side as given", () => {
    const before = h("div", { className: "page-head" },
      h("div", null,
        h("p", { className: "crumbs", lang: "en" }, h(Link, { to: "/pairs" }, "Pairs"), " /"),
        h("h1", null, "Import"),
        h("p", { className: "lede" }, "A TMX file."),
        h("p", { className: "lede-aside" }, "A single text?")),
      h("div", { className: "page-head-side" }, "rename"));
    const after = h(PageHead, {
      crumbs: PAIRS_CRUMBS,
      crumbsLang: "en",
      title: "Import",
      lede: "A TMX file.",
      side: h("div", { className: "page-head-side" }, "rename"),
      children: h("p", { className: "lede-aside" }, "A single text?"),
    });
    expect(html(after)).toBe(html(before));
  });

  it("ColumnHeads gives a table's colgroup and head row, a class where a column has one", () => {
    const before = h(Fragment, null,
      h("colgroup", null, h("col", { className: "col-line" }), h("col", null), h("col", { className: "col-why" })),
      h("thead", null, h("tr", null,
        h("th", { scope: "col", className: "num" }, "Line"),
        h("th", { scope: "col" }, "Removed text"),
        h("th", { scope: "col" }, "Why"))));
    const after = h(ColumnHeads, { colClasses: ["col-line", null, "col-why"], columns: [{ label: "Line", className: "num" }, "Removed text", "Why"] });
    expect(html(h("table", null, after))).toBe(html(h("table", null, before)));
  });

  it("FormActions gives the submit button, its words while busy, and Cancel", () => {
    for (const busy of [false, true]) {
      const before = h("div", { className: "actions" },
        h("button", { type: "submit", className: "button button--primary", disabled: busy }, busy ? "Creating the pair…" : "Pair and align"),
        h(Link, { to: "/pairs", className: "button" }, "Cancel"));
      expect(html(h(FormActions, { label: "Pair and align", busyLabel: "Creating the pair…", busy, cancelTo: "/pairs" }))).toBe(html(before));
    }
  });

  it("TitleField gives the title field the document and pair forms wrote out", () => {
    const issues = ["Keep the title under 300 characters."];
    const before = h(TextField, { id: "title", label: "Title", name: "title", defaultValue: "Loi", dir: "auto", maxLength: 300, placeholder: "Optional", errors: issues, issuesId: "title-issues" });
    expect(html(h(TitleField, { id: "title", defaultValue: "Loi", placeholder: "Optional", errors: issues, issuesId: "title-issues" }))).toBe(html(before));
  });

  it("SelectField gives the document form's list of segmentations, with its issue and hint", () => {
    const issues = ["Choose how to cut the text."];
    const options = [h("option", { key: "auto", value: "auto" }, "Automatic"), h("option", { key: "lines", value: "lines" }, "Lines")];
    const before = h("div", { className: "field" },
      h("label", { htmlFor: "segmentation" }, "Segments"),
      h("select", { id: "segmentation", name: "segmentation", defaultValue: "lines", ...invalidProps(issues, "segmentation-issues", "segmentation-hint") }, options),
      h(FieldIssues, { id: "segmentation-issues", errors: issues }),
      h("p", { className: "hint", id: "segmentation-hint" }, "One segment per line."));
    const after = h(SelectField, { id: "segmentation", label: "Segments", name: "segmentation", defaultValue: "lines", errors: issues, issuesId: "segmentation-issues", hint: "One segment per line." }, options);
    expect(html(after)).toBe(html(before));
  });

  it("SelectField gives the inline language list, its own class on the list, with no issue", () => {
    const before = h("div", { className: "field field--inline" },
      h("label", { htmlFor: "language" }, "Language"),
      h("select", { id: "language", name: "language", defaultValue: "auto", ...invalidProps(undefined, "language-issues"), className: "attention" }, h("option", { value: "auto" }, "Detect")),
      h(FieldIssues, { id: "language-issues", errors: undefined }));
    const after = h(SelectField, { inline: true, id: "language", label: "Language", name: "language", defaultValue: "auto", errors: undefined, issuesId: "language-issues", className: "attention" }, h("option", { value: "auto" }, "Detect"));
    expect(html(after)).toBe(html(before));
  });

  it("Fact gives a fact of the memory's import report, with and without its test mark", () => {
    const before = h(Fragment, null, h("div", null, h("dt", null, "Links"), h("dd", { "data-testid": "links-made" }, "1,024")), h("div", null, h("dt", null, "English document"), h("dd", null, "12 segments")));
    const after = h(Fragment, null, h(Fact, { term: "Links", testId: "links-made" }, "1,024"), h(Fact, { term: "English document" }, "12 segments"));
    expect(html(after)).toBe(html(before));
  });
});

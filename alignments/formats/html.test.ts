import { describe, expect, it } from "vitest";
import { declaredCharset, decodeEntities, textFromHtml } from "./html";

interface Case {
  name: string;
  html: string;
  text: string;
}

const page = (body: string) => `<!DOCTYPE html><html><head><title>T</title></head><body>${body}</body></html>`;

const CASES: Case[] = [
  { name: "headings, paragraphs and lists", html: page("<h1>Title</h1><p>One.</p><h3>Sub</h3><ul><li>a</li><li>b</li></ul><p>After.</p>"), text: "# Title\n\nOne.\n\n### Sub\n\n- a\n- b\n\nAfter." },
  { name: "an ordered list keeps its numbers, from its start value and types", html: page('<ol start="3"><li>c</li><li>d</li></ol><ol type="a"><li>x</li><li>y</li></ol>'), text: "- 3. c\n- 4. d\n- a. x\n- b. y" },
  { name: "letters go on past z as a browser writes them, roman numbers from a start", html: page('<ol type="a" start="26"><li>z</li><li>aa</li><li>ab</li></ol><ol type="I" start="4"><li>four</li></ol>'), text: "- z. z\n- aa. aa\n- ab. ab\n- IV. four" },
  { name: "white space collapses, <br> keeps a line", html: page("<p>Line   one\n  continues<br>line two</p>"), text: "Line one continues\nline two" },
  { name: "implied ends of p and li", html: page("<p>First<p>Second<ul><li>a<li>b</ul>"), text: "First\n\nSecond\n\n- a\n- b" },
  { name: "inline markup is read through, a note call sticks to its word", html: page("<p>The <em>convention</em> is <a href='#'>binding</a><sup>1</sup>.</p>"), text: "The convention is binding1." },
  { name: "scripts, styles, comments and forms go", html: page("<script>var x = '<p>no</p>';</script><style>p{}</style><!-- <p>no</p> --><form><label>Email <input></label></form><p>Yes.</p>"), text: "Yes." },
  { name: "navigation, site header and footer, asides go", html: page("<header><a href='/'>Site</a></header><nav><a href='/a'>A</a></nav><p>Text.</p><aside>Related</aside><footer>© 2026</footer>"), text: "Text." },
  { name: "an article's own header stays", html: page("<article><header><h1>Article title</h1></header><p>Body.</p></article>"), text: "# Article title\n\nBody." },
  { name: "ARIA roles, hidden elements and furniture class names go", html: page("<div role='navigation'>Menu</div><div hidden>Secret</div><p aria-hidden='true'>Icon</p><div style='display: none'>None</div><div class='cookie-banner'>We use cookies.</div><div id='breadcrumbs'>Home › News</div><p>Kept.</p>"), text: "Kept." },
  { name: "a list of short links is navigation; a list of long items with a link stays", html: page("<ul><li><a href='/1'>Home</a></li><li><a href='/2'>News</a></li><li><a href='/3'>About</a></li></ul><ul><li>The <a href='#'>report</a> of the Expert Group on its fourth session.</li><li>The <a href='#'>resolution</a> adopted by the General Assembly in 2019.</li><li>The <a href='#'>letter</a> of the signatories to the Third Committee.</li></ul>"), text: "- The report of the Expert Group on its fourth session.\n- The resolution adopted by the General Assembly in 2019.\n- The letter of the signatories to the Third Committee." },
  { name: "only <main> is read when the page has one", html: page("<div><p>Outside.</p></div><main><p>Inside.</p></main><p>After.</p>"), text: "Inside." },
  { name: "a single article is read when there is no main", html: page("<div class='intro'><p>Teaser.</p></div><article><p>Story.</p></article>"), text: "Story." },
  { name: "entities: named, numeric, Windows-1252 range, bare ampersands", html: page("<p>Caf&eacute; &amp; th&#233; &#x2014; &#150; &#8220;q&#8221; AT&T &nbsp;&copy; &unknown; &#0;</p>"), text: "Café & thé — – “q” AT&T \u00a0© &unknown; \ufffd" },
  { name: "entities as a browser reads them: HTML5 names, old names without their semicolon", html: page("<p>&sect 5, &eacute;t&eacute &hyphen; &check; &NotEqualTilde; R&D</p>"), text: "§ 5, été ‐ ✓ ≂̸ R&D" },
  { name: "a list item holding paragraphs and a nested list", html: page("<ul><li><p>Item text.</p><p>More.</p><ul><li>Nested</li></ul></li><li>Next</li></ul>"), text: "- Item text.\n\nMore.\n\n- Nested\n- Next" },
  { name: "table cells become paragraphs, pre keeps its lines", html: page("<table><tr><th>Name</th><td>Kenya</td></tr></table><pre>line 1\nline 2</pre>"), text: "Name\n\nKenya\n\nline 1\nline 2" },
  { name: "broken markup does not fail", html: "<p>Unclosed <b>bold <i>and</b> text</p></div></span><p>End", text: "Unclosed bold and text\n\nEnd" },
  { name: "a lone < is text", html: page("<p>3 < 4 and 5 > 2</p>"), text: "3 < 4 and 5 > 2" },
  { name: "uppercase tags and attributes", html: "<HTML><BODY><H2>Title</H2><P CLASS=x>Text.</P></BODY></HTML>", text: "## Title\n\nText." },
];

describe("web pages to the pipeline's text", () => {
  it.each(CASES)("$name", ({ html, text }) => {
    expect(textFromHtml(html).text).toBe(text);
  });

  it("takes the title from the h1, else <title>, else the first heading", () => {
    expect(textFromHtml("<title>Page &ndash; Site</title><h1>Heading</h1><p>x</p>").title).toBe("Heading");
    expect(textFromHtml("<title>Page &ndash; Site</title><h2>Sub</h2><p>x</p>").title).toBe("Page – Site");
    expect(textFromHtml("<p>x</p><h2>Second level</h2>").title).toBe("Second level");
  });

  it("counts what it left out", () => {
    expect(textFromHtml(page("<nav>a</nav><script>b</script><p>c</p><footer>d</footer>")).dropped).toBe(3);
  });

  it("survives deep nesting", () => {
    const deep = "<div>".repeat(5000) + "<p>Deep.</p>" + "</div>".repeat(5000);
    expect(textFromHtml(deep).text).toBe("Deep.");
  });

  it("decodes entities and finds a declared charset", () => {
    expect(decodeEntities("&lt;&gt;&quot;&apos;&#39;")).toBe("<>\"''");
    expect(declaredCharset('<meta charset="ISO-8859-1">')).toBe("iso-8859-1");
    expect(declaredCharset('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')).toBe("windows-1252");
    expect(declaredCharset("<p>no</p>")).toBeNull();
  });
});

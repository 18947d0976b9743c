/**
 * Memories as two CAT tools write them, written for Tandem's tests (decision 23): every kind of inline code TMX 1.4
 * has, in the places those tools put them. memoQ writes its tags as `<ph>`/`<bpt>`/`<ept>` with a `{}` or `{1}`
 * content and its own `type`, the tu's dates and users as attributes, and names the memory in its header's last prop, `name`, after its
 * default client, project, domain and subject, a description and the target language (a blank prop holds one
 * space), as memoQ 7's TMX export does (checked against a real memoQ export's header quoted in a public TMX library's
 * tests, found with the search tool);
 * Trados Studio writes empty `<bpt/>`/`<ept/>`/`<ph/>` elements with `i`, `x` and `type`, confirmation levels and
 * usage counts, and names nothing in its header. Each `<seg>` here is as a TMX export of Tandem writes text
 * (`&lt;`, `&gt;`, `&amp;` escaped, quotes as they are), so a round trip must give every `<seg>` back byte for byte.
 */

export const MEMOQ_TMX = `<?xml version="1.0" encoding="utf-8"?>
<tmx version="1.4">
  <header creationtool="MemoQ" creationtoolversion="9.14.9" segtype="sentence" adminlang="en-us" srclang="en-ca" o-tmf="MemoQTM" datatype="unknown">
    <prop type="defclient">Justice Canada</prop>
    <prop type="defproject"> </prop>
    <prop type="defdomain">Law</prop>
    <prop type="defsubject"> </prop>
    <prop type="description"> </prop>
    <prop type="targetlang">fr-ca</prop>
    <prop type="name">MLA treaties EN-FR</prop>
  </header>
  <body>
    <tu changedate="20240311T142210Z" creationdate="20240305T091502Z" creationid="ANNA" changeid="BRUNO">
      <prop type="client">Justice Canada</prop>
      <tuv xml:lang="en-ca">
        <prop type="x-context-pre">Article 20</prop>
        <seg>This Treaty enters into force on <ph x="1" type="x-mq-ph">{1}</ph>.</seg>
      </tuv>
      <tuv xml:lang="fr-ca">
        <seg>Le présent traité entre en vigueur le <ph x="1" type="x-mq-ph">{1}</ph>.</seg>
      </tuv>
    </tu>
    <tu changedate="20240306T101010Z" creationdate="20240306T101010Z" creationid="ANNA" changeid="ANNA">
      <tuv xml:lang="en-ca">
        <seg><bpt i="1" type="bold">{}</bpt>Article 5<ept i="1">{}</ept> applies to <bpt i="2" x="2" type="italic">{}</bpt>requests under <bpt i="3" x="3" type="link">&lt;a href="https://laws.justice.gc.ca/eng/acts/M-13.6/"&gt;</bpt>the Act<ept i="3">&lt;/a&gt;</ept><ept i="2">{}</ept>.</seg>
      </tuv>
      <tuv xml:lang="fr-ca">
        <seg>L’<bpt i="1" type="bold">{}</bpt>article 5<ept i="1">{}</ept> s’applique aux <bpt i="2" x="2" type="italic">{}</bpt>demandes présentées sous le régime de <bpt i="3" x="3" type="link">&lt;a href="https://laws.justice.gc.ca/fra/lois/M-13.6/"&gt;</bpt>la Loi<ept i="3">&lt;/a&gt;</ept><ept i="2">{}</ept>.</seg>
      </tuv>
    </tu>
    <tu creationdate="20240307T080000Z" creationid="BRUNO">
      <tuv xml:lang="en-ca">
        <seg>Fees &amp; costs under<ph type="x-mq-ph">&lt;mq:ch val=" " /&gt;</ph>5 % are waived if x &lt; y.</seg>
      </tuv>
      <tuv xml:lang="fr-ca">
        <seg>Les frais inférieurs à<ph type="x-mq-ph">&lt;mq:ch val=" " /&gt;</ph>5 % sont annulés si x &lt; y.</seg>
      </tuv>
    </tu>
  </body>
</tmx>
`;

export const TRADOS_TMX = `<?xml version="1.0" encoding="utf-8"?>
<tmx version="1.4">
  <header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-US" srclang="en-US" creationdate="20230314T091233Z" creationid="TRADOS\\jdoe">
    <prop type="x-Recognizers">RecognizeAll</prop>
    <prop type="x-TokenizerFlags">DefaultFlags</prop>
  </header>
  <body>
    <tu creationdate="20230314T091500Z" creationid="TRADOS\\jdoe" changedate="20230320T160105Z" changeid="TRADOS\\mtremblay" lastusagedate="20230401T080000Z" usagecount="3">
      <prop type="x-Origin">TM</prop>
      <prop type="x-ConfirmationLevel">ApprovedSignOff</prop>
      <tuv xml:lang="en-US">
        <seg><bpt i="1" x="1" type="1" />Section 5<ept i="1" /> applies to any <bpt i="2" x="2" type="2" />bank <bpt i="3" x="3" type="3" />or<ept i="3" /> authorized foreign bank<ept i="2" />.</seg>
      </tuv>
      <tuv xml:lang="fr-CA">
        <seg>L’<bpt i="1" x="1" type="1" />article 5<ept i="1" /> s’applique à toute <bpt i="2" x="2" type="2" />banque <bpt i="3" x="3" type="3" />ou<ept i="3" /> banque étrangère autorisée<ept i="2" />.</seg>
      </tuv>
    </tu>
    <tu creationdate="20230315T101500Z" creationid="TRADOS\\jdoe" changedate="20230315T101500Z" changeid="TRADOS\\jdoe" usagecount="0">
      <prop type="x-ConfirmationLevel">Translated</prop>
      <tuv xml:lang="en-US">
        <seg>See the <hi type="bold">Bank Act</hi>, <ph x="4" type="4" />, and <it pos="begin" x="5" type="5">&lt;cf italic="True"&gt;</it>the regulations.</seg>
      </tuv>
      <tuv xml:lang="fr-CA">
        <seg>Voir la <hi type="bold">Loi sur les banques</hi>, <ph x="4" type="4" />, et <it pos="begin" x="5" type="5">&lt;cf italic="True"&gt;</it>les règlements.</seg>
      </tuv>
    </tu>
    <tu creationdate="20230316T120000Z" creationid="TRADOS\\jdoe">
      <tuv xml:lang="en-US">
        <seg><ut>{\\b </ut>Logo<ut>}</ut>: <bpt i="6" x="6">&lt;img alt="<sub>Bank of Canada</sub>"&gt;</bpt><ept i="6">&lt;/img&gt;</ept></seg>
      </tuv>
      <tuv xml:lang="fr-CA">
        <seg><ut>{\\b </ut>Logo<ut>}</ut> : <bpt i="6" x="6">&lt;img alt="<sub>Banque du Canada</sub>"&gt;</bpt><ept i="6">&lt;/img&gt;</ept></seg>
      </tuv>
    </tu>
  </body>
</tmx>
`;

/** Every `<seg>…</seg>` of a TMX, as written. */
/** The memoQ memory with its first unit's title in bold: its first two units then both hold `<bpt i="1">`. */
export const MEMOQ_BOLD_TMX = MEMOQ_TMX.replace(
  /<seg>This Treaty enters into force on <ph x="1" type="x-mq-ph">\{1\}<\/ph>\.<\/seg>/,
  '<seg><bpt i="1" x="1" type="bold">{}</bpt>This Treaty<ept i="1">{}</ept> enters into force on <ph x="2" type="x-mq-ph">{1}</ph>.</seg>',
).replace(
  /<seg>Le présent traité entre en vigueur le <ph x="1" type="x-mq-ph">\{1\}<\/ph>\.<\/seg>/,
  '<seg><bpt i="1" x="1" type="bold">{}</bpt>Le présent traité<ept i="1">{}</ept> entre en vigueur le <ph x="2" type="x-mq-ph">{1}</ph>.</seg>',
);

export function segsOf(tmx: string): string[] {
  return [...tmx.matchAll(/<seg>[\s\S]*?<\/seg>/g)].map((m) => m[0]);
}

/** Each `<tu>`'s dates and users, by attribute (in whatever order the file wrote them). */
export function stampsOf(tmx: string): Array<Record<string, string>> {
  return [...tmx.matchAll(/<tu\b[^>]*>/g)].map((m) => Object.fromEntries([...m[0].matchAll(/(creationdate|creationid|changedate|changeid)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

import { describe, expect, it } from "vitest";
import { alignSegments, confidenceOf, linkSupport, looksLikeHeading, type AlignSegment } from "./aligner";
import { PERSON_CONFIDENCE } from "./operations";
import { alignmentProblems, formatLink } from "./links";

/** A small bitext written for these tests: English originals and French translations, sentence by sentence. */
const PAIRS: Array<[string, string]> = [
  ["Mutual legal assistance in criminal matters", "Entraide juridique en matière pénale"],
  ["The central authority of each State Party shall receive requests for mutual legal assistance.", "L'autorité centrale de chaque État partie reçoit les demandes d'entraide judiciaire."],
  ["Requests shall be made in writing and shall be transmitted without delay.", "Les demandes sont faites par écrit et sont transmises sans délai."],
  ["Each State Party shall designate a point of contact available 24 hours a day, seven days a week.", "Chaque État partie désigne un point de contact joignable 24 heures sur 24, sept jours sur sept."],
  ["The Budapest Convention was opened for signature on 23 November 2001.", "La Convention de Budapest a été ouverte à la signature le 23 novembre 2001."],
  ["Electronic evidence must be preserved quickly.", "Les preuves électroniques doivent être conservées rapidement."],
  ["Internet service providers shall cooperate with the competent authorities.", "Les fournisseurs d'accès à Internet coopèrent avec les autorités compétentes."],
  ["Joint investigation teams may be established by agreement.", "Des équipes d'enquête conjointes peuvent être créées d'un commun accord."],
  ["Capacity-building and technical assistance are essential for developing countries.", "Le renforcement des capacités et l'assistance technique sont essentiels pour les pays en développement."],
  ["The resolution 74/247 of the General Assembly was adopted on 27 December 2019.", "La résolution 74/247 de l'Assemblée générale a été adoptée le 27 décembre 2019."],
  ["Civil society must be consulted at every stage.", "La société civile doit être consultée à chaque étape."],
  ["Money laundering and the financing of terrorism are serious offences.", "Le blanchiment d'argent et le financement du terrorisme sont des infractions graves."],
  ["INTERPOL channels allow rapid police cooperation.", "Les canaux d'INTERPOL permettent une coopération policière rapide."],
  ["The new convention should not duplicate existing instruments.", "La nouvelle convention ne devrait pas faire double emploi avec les instruments existants."],
];

const segments = (texts: string[]): AlignSegment[] => texts.map((text) => ({ text }));
const english = PAIRS.map(([en]) => en);
const french = PAIRS.map(([, fr]) => fr);
const linksOf = (en: AlignSegment[], fr: AlignSegment[], options = {}) =>
  alignSegments(en, fr, options).links.map(formatLink);

describe("sentence alignment", () => {
  it("pairs a parallel text one to one", () => {
    expect(linksOf(segments(english), segments(french))).toEqual(PAIRS.map((_, k) => `[${k}]:[${k}]`));
  });

  it("makes a 2-1 link where the translator joined two sentences", () => {
    const fr = [...french];
    fr.splice(2, 2, `${french[2].replace(/\.$/, "")} ; ${french[3].charAt(0).toLowerCase()}${french[3].slice(1)}`);
    const links = linksOf(segments(english), segments(fr));
    expect(links).toContain("[2,3]:[2]");
    expect(links).toContain("[4]:[3]");
  });

  it("makes a 1-2 link where the translator split a sentence", () => {
    const fr = [...french];
    fr.splice(4, 1, "La Convention de Budapest a été ouverte à la signature.", "C'était le 23 novembre 2001.");
    expect(linksOf(segments(english), segments(fr))).toContain("[4]:[4,5]");
  });

  it("leaves a sentence the translator dropped without a counterpart", () => {
    const fr = french.filter((_, k) => k !== 6);
    const links = linksOf(segments(english), segments(fr));
    expect(links).toContain("[6]:[]");
    expect(links).toContain("[7]:[6]");
  });

  it("leaves a sentence the translator added without a counterpart", () => {
    const fr = [...french];
    fr.splice(5, 0, "Note du traducteur : cette phrase n'existe pas dans l'original anglais, elle est ajoutée ici.");
    expect(linksOf(segments(english), segments(fr))).toContain("[]:[5]");
  });

  it("keeps headings with headings and notes with notes", () => {
    const en: AlignSegment[] = [
      { text: "Protecting victims", kind: "heading", paragraph: 0 },
      { text: english[1], kind: "body", paragraph: 1 },
      { text: english[2], kind: "body", paragraph: 1 },
      { text: "See resolution 74/247.", kind: "note", paragraph: 2 },
    ];
    const fr: AlignSegment[] = [
      { text: "Protéger les victimes", kind: "heading", paragraph: 0 },
      { text: french[1], kind: "body", paragraph: 1 },
      { text: french[2], kind: "body", paragraph: 1 },
      { text: "Voir la résolution 74/247.", kind: "note", paragraph: 2 },
    ];
    expect(linksOf(en, fr)).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]);
  });

  it("costs a join of a heading-like line with the line after it, on plain lines", () => {
    const en = ["Schedule III may be amended by order of the Governor in Council.", "Limits on the membership of a federal credit union and on voting", "A union must have five members.", "The bank changes its name.", "Membership shares non-assessable", "Membership shares issued by a federal credit union are non-assessable."];
    const fr = ["L'annexe III peut être modifiée par décret du gouverneur en conseil.", "Membres et vote", "La coopérative de crédit fédérale doit s'assurer d'avoir en tout temps au moins cinq membres, chacun ayant une voix.", "La banque change de dénomination.", "Limite de responsabilité", "L'émission d'une part sociale est libératoire."];
    // Lengths alone favour joining each heading with its body; a high enough cost keeps them apart.
    expect(linksOf(segments(en), segments(fr), { weights: { heading: 0 } })).toContain("[1,2]:[1,2]");
    expect(linksOf(segments(en), segments(fr), { weights: { heading: 20 } })).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]", "[5]:[5]"]);
  });

  it.each([
    { line: "Amending Schedule III", heading: true },
    { line: "Définitions", heading: true },
    { line: "CHAPITRE II", heading: true },
    { line: "12 Powers of the Minister (continued)", heading: true },
    { line: "Schedule III shall be amended accordingly where", heading: true }, // a lead-in line: short, open, capitalised
    { line: "The bank changes its name.", heading: false },
    { line: "Les modifications sont effectuées dans les cas suivants :", heading: false },
    { line: "controls another foreign bank, or", heading: false },
    { line: "« Tu viens ? »", heading: false },
    { line: "", heading: false },
  ])("reads $line as a heading: $heading", ({ line, heading }) => {
    expect(looksLikeHeading(line)).toBe(heading);
  });

  it("realigns only around links a person fixed, keeping them in place", () => {
    // A deliberately odd fixed link: 3 with 4. Everything else is aligned around it.
    const fixed = [{ en: [3], fr: [4] }];
    const links = alignSegments(segments(english), segments(french), { fixed }).links;
    expect(links.map(formatLink)).toContain("[3]:[4]");
    expect(links.find((l) => formatLink(l) === "[3]:[4]")?.confidence).toBe(1);
    expect(links.map(formatLink).slice(0, 3)).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]"]);
    expect(links.map(formatLink)).toContain("[9]:[9]");
    expect(alignmentProblems(links, english.length, french.length)).toEqual([]);
  });

  it("gives confident links on a translation and doubtful ones on unrelated text", () => {
    const good = alignSegments(segments(english), segments(french));
    expect(good.support).toBeGreaterThan(0.8);
    const unrelated = [
      "Il était une fois une petite fille que tout le monde aimait bien.",
      "Sa grand-mère lui avait donné un petit chaperon de velours rouge.",
      "Un jour, sa mère lui dit : viens, voici un morceau de galette.",
      "Le loup la rencontra dans le bois et lui demanda où elle allait.",
      "Elle lui répondit qu'elle allait chez sa grand-mère.",
      "Le loup courut plus vite et arriva le premier à la maison.",
      "Il frappa à la porte et entra sans dire un mot.",
      "La petite fille cueillait des fleurs et ne se pressait pas.",
      "Quand elle arriva, la porte était ouverte et la maison silencieuse.",
      "Le chasseur passait par là et entendit un grand bruit.",
      "Il entra et trouva le loup endormi dans le lit.",
      "Tout finit bien pour la petite fille et sa grand-mère.",
    ];
    const bad = alignSegments(segments(english), segments(unrelated));
    expect(bad.support).toBeLessThan(0.35);
    expect(alignmentProblems(bad.links, english.length, unrelated.length)).toEqual([]);
  });

  it("measures the lexical support of links made elsewhere (a memory's units) as it measures its own", () => {
    const oneToOne = PAIRS.map((_, k) => ({ en: [k], fr: [k] }));
    const own = alignSegments(segments(english), segments(french));
    const support = linkSupport(segments(english), segments(french), oneToOne)!;
    expect(support).toBeGreaterThan(0.8);
    expect(Math.abs(support - own.support)).toBeLessThanOrEqual(0.15);
    // The same units paired with the next one's translation: nothing of the one is in the other.
    const shifted = PAIRS.map((_, k) => ({ en: [k], fr: [(k + 5) % PAIRS.length] }));
    expect(linkSupport(segments(english), segments(french), shifted)!).toBeLessThan(0.35);
    // A 1-0 unit counts as unsupported, as in the aligner's figure; links of more than four segments are not scored.
    expect(linkSupport(segments(english.slice(0, 2)), segments(french.slice(0, 1)), [{ en: [0], fr: [0] }, { en: [1], fr: [] }])).toBeCloseTo(0.5);
    expect(linkSupport(segments(english.slice(0, 5)), segments(french.slice(0, 1)), [{ en: [0, 1, 2, 3, 4], fr: [0] }])).toBeNull();
  });

  it("is deterministic", () => {
    expect(linksOf(segments(english), segments(french))).toEqual(linksOf(segments(english), segments(french)));
  });
});

describe("bad input still gives a valid alignment", () => {
  it.each([
    { name: "both documents empty", en: [], fr: [] },
    { name: "an empty English document", en: [], fr: french },
    { name: "an empty French document", en: english, fr: [] },
    { name: "two documents in the same language", en: french, fr: french.slice().reverse() },
    { name: "a summary against the full text", en: english.slice(0, 2), fr: [...french, ...french, ...french] },
    { name: "empty segments", en: ["", ...english, ""], fr: ["", "", ...french] },
  ])("$name", ({ en, fr }) => {
    const { links } = alignSegments(segments(en), segments(fr));
    expect(alignmentProblems(links, en.length, fr.length)).toEqual([]);
    for (const link of links) expect(link.confidence).toBeGreaterThanOrEqual(0);
  });

  it("aligns long documents with every segment in exactly one link", () => {
    // 3,000 segments a side, built from the bitext with numbered sentences so that every one is distinct.
    const n = 3000;
    const en = Array.from({ length: n }, (_, k) => ({ text: `${english[k % english.length]} (${k})` }));
    const fr = Array.from({ length: n }, (_, k) => ({ text: `${french[k % french.length]} (${k})` }));
    const { links } = alignSegments(en, fr);
    expect(alignmentProblems(links, n, n)).toEqual([]);
    const exact = links.filter((l) => l.en.length === 1 && l.fr.length === 1 && l.en[0] === l.fr[0]).length;
    expect(exact / n).toBeGreaterThan(0.99);
  });
});

/** English sentences and Chinese translations written for these tests, with a few dictionary word pairs. */
const ZH: Array<[string, string]> = [
  ["The General Assembly adopted the resolution on 27 December 2019.", "大会于2019年12月27日通过了该决议。"],
  ["Each State shall designate a central authority.", "每个国家应指定一个中央机关。"],
  ["Requests shall be made in writing.", "请求应以书面形式提出。"],
  ["The central authority shall transmit the request without delay.", "中央机关应立即转递该请求。"],
  ["Electronic evidence must be preserved quickly.", "电子证据必须迅速保全。"],
  ["Civil society must be consulted at every stage.", "必须在每个阶段征求民间社会的意见。"],
  ["INTERPOL channels allow rapid police cooperation.", "国际刑警组织渠道使警方能够迅速合作。"],
  ["The new convention should not duplicate existing instruments.", "新公约不应与现有文书重复。"],
];
const ZH_LEXICON = [
  ["assembly", "大会"], ["resolution", "决议"], ["adopted", "通过"], ["state", "国家"], ["designate", "指定"],
  ["central", "中央"], ["authority", "机关"], ["request", "请求"], ["requests", "请求"], ["writing", "书面"],
  ["transmit", "转递"], ["electronic", "电子"], ["evidence", "证据"], ["preserved", "保全"], ["quickly", "迅速"],
  ["society", "社会"], ["stage", "阶段"], ["police", "警方"], ["cooperation", "合作"], ["convention", "公约"],
  ["instruments", "文书"], ["duplicate", "重复"], ["new", "新"],
].map(([en, fr]) => ({ en, fr }));

describe("sentence alignment across scripts: English and Chinese", () => {
  const en = segments(ZH.map(([e]) => e));
  const zh = ZH.map(([, z]) => z);
  const options = { languages: ["en", "zh"] as const, lexicon: ZH_LEXICON };

  it("pairs a parallel text one to one, the Chinese cut into words", () => {
    expect(linksOf(en, segments(zh), options)).toEqual(ZH.map((_, k) => `[${k}]:[${k}]`));
  });

  it("makes a 1-2 link where the translator cut a sentence in two", () => {
    const cut = [...zh];
    cut.splice(5, 1, "在每个阶段，", "都必须征求民间社会的意见。");
    const links = linksOf(en, segments(cut), options);
    expect(links).toContain("[5]:[5,6]");
    expect(links).toContain("[7]:[8]");
  });

  it("does not use the built-in French–English word list for another pair", () => {
    const lexical = alignSegments(en, segments(zh), { languages: ["en", "zh"], explain: true, learn: false }).links;
    // Without a dictionary (and before learning from a first pass), only the shared numbers give evidence across scripts.
    expect(lexical.filter((link) => (link.evidence?.coverage ?? 0) > 0).map(formatLink)).toEqual(["[0]:[0]"]);
  });
});

describe("evidence that needs no dictionary, for any pair", () => {
  /**
   * Without a dictionary and before learning, the only evidence a link can have is what these cases name. Each case is
   * a document of four segments, so that a feature found in one segment of the other side is evidence, not chance.
   */
  const coverages = (pairs: ReadonlyArray<readonly [string, string]>, languages: readonly [string, string], transliterate = true) =>
    alignSegments(segments(pairs.map(([a]) => a)), segments(pairs.map(([, b]) => b)), { languages, explain: true, learn: false, transliterate })
      .links.map((link) => link.evidence?.coverage ?? 0);

  it.each([
    ["Arabic-Indic digits meet ASCII ones", ["en", "ar"], [["Resolution 2001", "القرار ٢٠٠١"], ["Resolution 1948", "القرار ١٩٤٨"], ["Resolution 1966", "القرار ١٩٦٦"], ["Resolution 2015", "القرار ٢٠١٥"]]],
    ["full-width digits meet ASCII ones", ["en", "zh"], [["Resolution 2001", "第２００１号决议"], ["Resolution 1948", "第１９４８号决议"], ["Resolution 1966", "第１９６６号决议"], ["Resolution 2015", "第２０１５号决议"]]],
    ["Chinese numerals meet their digits", ["en", "zh"], [["Article 26", "第二十六条"], ["Article 13", "第十三条"], ["Article 120", "第一百二十条"], ["In 1948", "一九四八年"]]],
    ["Russian loanwords meet their English cognates", ["en", "ru"], [["Declaration", "Декларация"], ["Convention", "Конвенция"], ["Organization", "Организация"], ["Commission", "Комиссия"]]],
  ] as const)("%s", (_, languages, pairs) => {
    for (const coverage of coverages(pairs, languages)) expect(coverage).toBeGreaterThan(0);
  });

  it("finds no cognates through a transliteration when asked not to", () => {
    const pairs = [["Declaration", "Декларация"], ["Convention", "Конвенция"], ["Organization", "Организация"], ["Commission", "Комиссия"]] as const;
    expect(coverages(pairs, ["en", "ru"], false)).toEqual([0, 0, 0, 0]);
  });
});

describe("the aligner's confidence", () => {
  // The editor shows "by a person" for a link at PERSON_CONFIDENCE: the aligner must never reach it.
  it.each([
    { name: "a 1-1 link with all the evidence it could have", evidence: { coverage: 1, length: 0, margin: 1000 }, a: 1, b: 1 },
    { name: "a 2-1 link with all the evidence it could have", evidence: { coverage: 1, length: 0, margin: 1000 }, a: 2, b: 1 },
  ])("stays below a person's: $name", ({ evidence, a, b }) => {
    expect(confidenceOf(evidence, a, b)).toBeLessThan(PERSON_CONFIDENCE);
  });
});

import { describe, expect, it } from "vitest";
import { CASE_GLOSSARY, CHECK_CASES } from "./checks.cases";
import { byLikelihood, checkUnits, renderings, variation, type Unit } from "./checks";
import type { Term } from "./match";
import { compareNumbers, numbersOf, spelledNumbersOf } from "./numbers";

describe("checks over one link", () => {
  it.each(CHECK_CASES)("$name", ({ en, fr, findings }) => {
    const found = checkUnits([{ link: 0, en, fr }], CASE_GLOSSARY).map((f) => f.kind);
    expect(found.sort()).toEqual([...findings].sort());
  });

  it("says what is wrong in words a reviewer reads", () => {
    const [finding] = checkUnits([{ link: 4, en: "Requests shall be sent.", fr: "Les demandes d’entraide judiciaire sont adressées." }], CASE_GLOSSARY);
    expect(finding).toMatchObject({ kind: "missing-en", link: 4, concept: 1 });
    expect(finding.message).toBe("The French has “entraide judiciaire”; the English has no “mutual legal assistance”.");
  });

  it("keeps a finding's key across re-checks, so an accepted finding stays accepted", () => {
    const unit: Unit = { link: 2, en: "Cyberspace.", fr: "Le cyberspace." };
    expect(checkUnits([unit], CASE_GLOSSARY).map((f) => f.key)).toEqual(checkUnits([unit], CASE_GLOSSARY).map((f) => f.key));
  });
});

describe("findings ranked by how likely they are real", () => {
  const rank = (units: Unit[]) => byLikelihood(checkUnits(units, CASE_GLOSSARY)).map((f) => `${f.kind} #${f.link} ${f.level}`);

  it("puts a wrong link and a changed figure before a cross-reference one side leaves out, and a term count last", () => {
    expect(
      rank([
        { link: 0, en: "Electronic evidence must be preserved and electronic evidence shared within the time set by the Minister.", fr: "Les preuves électroniques doivent être conservées et partagées dans le délai fixé par le ministre." },
        { link: 1, en: "A copy is filed under section 12 with the Minister under the Criminal Code.", fr: "Une copie est déposée auprès du ministre conformément au Code criminel." },
        { link: 2, en: "The Convention entered into force in Canada on 1 July 2004.", fr: "La Convention est entrée en vigueur au Canada le 1er juillet 2005." },
        { link: 3, en: "offence means an offence within the meaning of the relevant agreement; (infraction)", fr: "données Représentations, notamment signes, signaux ou symboles, qui peuvent être comprises par une personne physique ou traitées par un ordinateur ou un autre dispositif. (data)" },
      ]),
    ).toEqual(["misaligned #3 likely", "numbers #2 likely", "numbers #1 doubtful", "count #0 doubtful"]);
  });

  it("reports a link whose texts share nothing as misaligned, not as the terms and figures it lacks", () => {
    const found = checkUnits(
      [
        {
          link: 7,
          en: "The central authority shall keep a register of the requests it receives and of the replies sent to each requesting State within 30 days.",
          fr: "Les frais de déplacement et de séjour des témoins cités devant le tribunal sont remboursés sur présentation des justificatifs.",
        },
      ],
      CASE_GLOSSARY,
    );
    expect(found.map((f) => f.kind)).toEqual(["misaligned"]);
    expect(found[0].message).toMatch(/share no figure.*is this link right\?/);
  });
});

describe("numbers", () => {
  it.each([
    { text: "1 000 000,50 USD", language: "fr", numbers: ["1000000.5"] },
    { text: "1\u202f000 personnes", language: "fr", numbers: ["1000"] },
    { text: "USD 1,000,000.50", language: "en", numbers: ["1000000.5"] },
    { text: "le 1er janvier 1959", language: "fr", numbers: ["1", "1959"] },
    { text: "the 146th Assembly", language: "en", numbers: ["146"] },
    { text: "article 12, § 3", language: "fr", numbers: ["12", "3"] },
    { text: "Article 12(3).", language: "en", numbers: ["12", "3"] },
    { text: "A/C.3/74/L.11/Rev.1", language: "en", numbers: ["3", "74", "11", "1"] },
    { text: "Section 007 and 2.50", language: "en", numbers: ["7", "2.5"] },
    { text: "paragraphe (2.\u200d1)", language: "fr", numbers: ["2.1"] },
    { text: "no figures here", language: "en", numbers: [] },
  ] as const)("$language: $text", ({ text, language, numbers }) => {
    expect([...numbersOf(text, language)]).toEqual(numbers);
  });

  it.each([
    { text: "dans les quatre-vingt-dix jours", language: "fr", numbers: ["90"] },
    { text: "soixante-dix États", language: "fr", numbers: ["70"] },
    { text: "le quatorzième jour ouvrable", language: "fr", numbers: ["14"] },
    { text: "le cinquième et le neuvième", language: "fr", numbers: ["5", "9"] },
    { text: "vingt et un membres, deux cents voix, trois mille euros", language: "fr", numbers: ["21", "200", "3000"] },
    { text: "le premier jour", language: "fr", numbers: ["1"] },
    { text: "un État et une convention", language: "fr", numbers: [] },
    { text: "the fourteenth business day, the ninetieth day", language: "en", numbers: ["14", "90"] },
    { text: "twenty-one members and one hundred and five votes", language: "en", numbers: ["21", "105"] },
    { text: "one of them", language: "en", numbers: [] },
    { text: "un pour cent des membres", language: "fr", numbers: ["1"] },
    { text: "cinquante cents", language: "fr", numbers: ["50"] },
  ] as const)("reads $text", ({ text, language, numbers }) => {
    expect([...spelledNumbersOf(text, language)]).toEqual(numbers);
  });

  it("takes small numbers written in words for their figures", () => {
    expect(compareNumbers("within seven days", "dans un délai de 7 jours")).toEqual({ onlyFrench: [], onlyEnglish: [] });
    expect(compareNumbers("within 7 days", "dans un délai de huit jours")).toEqual({ onlyFrench: [], onlyEnglish: ["7"] });
  });
});

describe("renderings across a corpus", () => {
  const units: Unit[] = [
    { link: 0, en: "Requests for mutual legal assistance.", fr: "Les demandes d'entraide judiciaire." },
    { link: 1, en: "Mutual legal assistance shall be afforded.", fr: "L'entraide judiciaire est accordée." },
    { link: 2, en: "Judicial assistance may be refused.", fr: "L'entraide judiciaire peut être refusée." },
    { link: 3, en: "The judicial assistance request.", fr: "La demande d'entraide judiciaire." },
    { link: 4, en: "The request may be refused.", fr: "La demande peut être refusée." },
  ];

  it("counts the glossary's renderings and finds the ones it lacks", () => {
    const result = renderings(units, CASE_GLOSSARY, 1);
    expect(result.links).toBe(4);
    expect(result.unrendered).toEqual([2, 3]);
    expect(result.renderings[0]).toMatchObject({ text: "mutual legal assistance", count: 2, links: [0, 1] });
    expect(result.renderings[1]).toMatchObject({ text: "Judicial assistance", count: 2, term: null, links: [2, 3] });
  });

  it("takes a provision repeated nearly word for word as one witness: its phrases are not renderings until an independent link bears them", () => {
    const repeated: Unit[] = [
      { link: 0, en: "The directors of the bank shall submit the request for judicial cooperation to the shareholders at the next meeting.", fr: "Le conseil de la banque soumet la demande d'entraide judiciaire aux actionnaires à la prochaine assemblée." },
      { link: 1, en: "The directors of the bank holding company shall submit the request for judicial cooperation to the shareholders at the next meeting.", fr: "Le conseil de la société de portefeuille bancaire soumet la demande d'entraide judiciaire aux actionnaires à la prochaine assemblée." },
      { link: 2, en: "The request may be refused.", fr: "La demande peut être refusée." },
    ];
    const twins = renderings(repeated, CASE_GLOSSARY, 1);
    expect(twins.unrendered).toEqual([0, 1]);
    expect(twins.renderings).toEqual([]);
    const third = { link: 3, en: "Judicial cooperation may be refused.", fr: "L'entraide judiciaire peut être refusée." };
    const found = renderings([...repeated, third], CASE_GLOSSARY, 1).renderings.map((r) => `${r.text} ×${r.count}`);
    expect(found).toContain("judicial cooperation ×3");
    expect(found).not.toContain("next meeting ×2");
  });

  it("leaves out a phrase found more often elsewhere than in the term's links, and figures", () => {
    const corpus: Unit[] = [
      { link: 0, en: "Judicial cooperation is given by the bank under section 12 within 30 days.", fr: "L'entraide judiciaire est accordée par la banque au titre de l'article 12 dans les 30 jours." },
      { link: 1, en: "The bank may refuse judicial cooperation under section 12 within 30 days.", fr: "La banque peut refuser l'entraide judiciaire au titre de l'article 12 dans les 30 jours." },
      ...[2, 3, 4].map((link) => ({ link, en: `The bank keeps records under section 12 (${link}).`, fr: `La banque tient des registres au titre de l'article 12 (${link}).` })),
    ];
    const found = renderings(corpus, CASE_GLOSSARY, 1, undefined, 100).renderings.map((r) => r.text);
    expect(found).toContain("Judicial cooperation");
    expect(found).toContain("days");
    // In every link: in two of the term's links, three others.
    expect(found.filter((text) => /bank|^section$/i.test(text))).toEqual([]);
    expect(found.filter((text) => /^\d|\d$/.test(text))).toEqual([]);
  });

  it("shows no phrase on the evidence of a single link", () => {
    const one: Unit[] = [...units.slice(0, 2), { link: 5, en: "Judicial cooperation is given.", fr: "L'entraide judiciaire est accordée." }];
    expect(renderings(one, CASE_GLOSSARY, 1)).toMatchObject({ unrendered: [5], renderings: [{ text: "mutual legal assistance", count: 2 }] });
  });
});

describe("variation within one language", () => {
  it("counts each way of writing a concept, per document", () => {
    const docs = [
      { id: "000", language: "fr" as const, text: "Les droits de l'homme. Les droits de l’homme en ligne." },
      { id: "001", language: "fr" as const, text: "Les droits humains et le cyberespace." },
      { id: "002", language: "fr" as const, text: "Le cyberespace." },
    ];
    const result = variation(docs, CASE_GLOSSARY);
    expect(result).toEqual([
      {
        concept: 6,
        language: "fr",
        terms: [
          { term: expect.any(Number), text: "droits de l'homme", total: 2, byDocument: { "000": 2 } },
          { term: expect.any(Number), text: "droits humains", total: 1, byDocument: { "001": 1 } },
        ],
      },
    ]);
  });

  it("reports nothing when each concept is written one way", () => {
    const terms: Term[] = CASE_GLOSSARY.filter((t) => t.concept === 7 && t.status === "preferred");
    expect(variation([{ id: "a", language: "fr", text: "le cyberespace, les cyberespaces" }], terms)).toEqual([]);
  });
});

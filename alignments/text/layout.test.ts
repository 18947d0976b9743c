import { describe, expect, it } from "vitest";
import { cleanLayout } from "./layout";
import type { BlockKind, RemovalKind } from "./types";

interface Case {
  name: string;
  raw: string;
  /** Paragraphs as "kind: text" (notes as "note[label]: text"). */
  paragraphs: string[];
  removed?: RemovalKind[];
  repairs?: string[];
}

const show = (p: { kind: BlockKind; text: string; label?: string }) =>
  `${p.kind}${p.label ? `[${p.label}]` : ""}: ${p.text}`;

const CASES: Case[] = [
  {
    name: "page stamp in the middle of a sentence",
    raw: "- 24) Les États devraient favoriser le traitement des preuves. Les pays mettent en place des mesures de\n\nV.20-04090 3/5\n\nla législation sur la cybercriminalité ;\n- 25) Il est recommandé d'agir ;",
    paragraphs: [
      "item: 24) Les États devraient favoriser le traitement des preuves. Les pays mettent en place des mesures de la législation sur la cybercriminalité ;",
      "item: 25) Il est recommandé d'agir ;",
    ],
    removed: ["markup", "page-stamp", "markup"],
    repairs: ["page-break-join"],
  },
  {
    name: "page stamp with the page first",
    raw: "Première page.\n\n2/5 V.20-04090\n\nDeuxième page.",
    paragraphs: ["body: Première page.", "body: Deuxième page."],
    removed: ["page-stamp"],
  },
  {
    name: "lone page number between paragraphs",
    raw: "The first page ends here.\n\n2\n\nThe second page starts here.",
    paragraphs: ["body: The first page ends here.", "body: The second page starts here."],
    removed: ["page-number"],
  },
  {
    name: "a number inside a list is not a page number",
    raw: "Le vote :\n102\nvoix contre.",
    paragraphs: ["heading: Le vote :", "body: 102 voix contre."],
    removed: [],
  },
  {
    name: "footnote between two halves of a sentence, with its call moved out",
    raw: [
      "Plusieurs procédures ont relevé des arrestations arbitraires, voire même des morts.1 L'unique référence",
      "",
      "1 Arabie Saoudite (SAU 13/2014) Communication des Rapporteurs spéciaux.",
      "",
      "aux droits humains du projet ne suffit pas.",
      "",
      "Deuxième paragraphe.",
    ].join("\n"),
    paragraphs: [
      "body: Plusieurs procédures ont relevé des arrestations arbitraires, voire même des morts. L'unique référence aux droits humains du projet ne suffit pas.",
      "body: Deuxième paragraphe.",
      "note[1]: 1 Arabie Saoudite (SAU 13/2014) Communication des Rapporteurs spéciaux.",
    ],
    removed: ["note-call"],
    repairs: ["page-break-join"],
  },
  {
    name: "footnotes are numbered from 1, each call before its note",
    raw: "Le texte est adopté.1 Il sera signé.2\n\n1 Voir le rapport.\n2 Voir l'annexe.",
    paragraphs: ["body: Le texte est adopté. Il sera signé.", "note[1]: 1 Voir le rapport.", "note[2]: 2 Voir l'annexe."],
    removed: ["note-call", "note-call"],
  },
  {
    name: "a line starting with a number but no call is body text",
    raw: "Le vote a eu lieu.\n\n102 voix contre et 23 pour.",
    paragraphs: ["body: Le vote a eu lieu.", "body: 102 voix contre et 23 pour."],
    removed: [],
  },
  {
    name: "acronyms with digits are not calls",
    raw: "Le G7 et le G20 coopèrent.\n\n7 membres siègent au G7.",
    paragraphs: ["body: Le G7 et le G20 coopèrent.", "body: 7 membres siègent au G7."],
    removed: [],
  },
  {
    name: "a note carried over the page sits above the next note",
    raw: [
      "Body one ends a sentence.1 Then body goes on",
      "",
      "1 First note starts here and goes on to the",
      "",
      "into the next page where it continues.",
      "",
      "next part, which is still body.2 And more.",
      "",
      "the end of the first note on page two.",
      "2 Second note.",
      " The body resumes here.",
    ].join("\n"),
    paragraphs: [
      "body: Body one ends a sentence. Then body goes on into the next page where it continues.",
      "body: next part, which is still body. And more.",
      "body: The body resumes here.",
      "note[1]: 1 First note starts here and goes on to the the end of the first note on page two.",
      "note[2]: 2 Second note.",
    ],
    removed: ["note-call", "note-call"],
    repairs: ["page-break-join", "note-continued"],
  },
  {
    name: "asterisk note with a second paragraph, then the body resumes",
    raw: [
      "Résolution adoptée par consensus",
      "(Manama, 15 mars 2023)*",
      "",
      "rappelant les résolutions annuelles,",
      "",
      "* La délégation de l'Inde a exprimé des réserves.",
      "",
      "La délégation de la Fédération de Russie a exprimé des réserves.",
      "",
      "rappelant en outre la Convention,",
    ].join("\n"),
    paragraphs: [
      "heading: Résolution adoptée par consensus",
      "body: (Manama, 15 mars 2023)",
      "body: rappelant les résolutions annuelles,",
      "body: rappelant en outre la Convention,",
      "note[*]: * La délégation de l'Inde a exprimé des réserves.",
      "note: La délégation de la Fédération de Russie a exprimé des réserves.",
    ],
    removed: ["note-call"],
    repairs: ["note-continued"],
  },
  {
    name: "link list appended by a PDF extractor",
    raw: "Le texte.\n\nhttps://example.org/a\nhttps://example.org/b\n\nLa suite.",
    paragraphs: ["body: Le texte.", "body: La suite."],
    removed: ["link-list", "link-list"],
  },
  {
    name: "hard-wrapped prose is re-joined, a short last line ends the paragraph",
    raw: [
      "La coopération internationale est indispensable face au défi majeur que représente la",
      "lutte contre la cybercriminalité. Cependant, l'approche proposée dans le projet de",
      "Commission de l'Assemblée générale de l'ONU présente de graves lacunes et risque de",
      "restreindre l'utilisation de l'internet.",
      " En second lieu, la criminalisation des activités en ligne habituelles des personnes",
      "ne cesse d'augmenter dans de nombreux pays du monde, comme le montre le rapport cité.",
    ].join("\n"),
    paragraphs: [
      "body: La coopération internationale est indispensable face au défi majeur que représente la lutte contre la cybercriminalité. Cependant, l'approche proposée dans le projet de Commission de l'Assemblée générale de l'ONU présente de graves lacunes et risque de restreindre l'utilisation de l'internet.",
      "body: En second lieu, la criminalisation des activités en ligne habituelles des personnes ne cesse d'augmenter dans de nombreux pays du monde, comme le montre le rapport cité.",
    ],
  },
  {
    name: "a hyphen at the end of a line is kept, the word joined",
    raw: "Avocat, Clinique du Canada Samuelson-\nGlushko (CIPPIC)",
    paragraphs: ["heading: Avocat, Clinique du Canada Samuelson-Glushko (CIPPIC)"],
  },
  {
    name: "a word a typesetter broke at a line end loses its hyphen when the document writes it whole elsewhere",
    raw: "Preservation orders matter. States should order the expedited preserva-\ntion of stored data without delay in urgent cases.",
    paragraphs: ["body: Preservation orders matter. States should order the expedited preservation of stored data without delay in urgent cases."],
    removed: ["line-end-hyphen"],
  },
  {
    name: "a break that is no word of the document loses its hyphen; compounds keep theirs",
    raw: [
      "Several dele-",
      "gations asked for a follow-",
      "up study of the time it takes, with the support of non-",
      "governmental organizations, on time-",
      "consuming steps and co-",
      "operation between States. Co-operation matters.",
    ].join("\n"),
    paragraphs: [
      "body: Several delegations asked for a follow-up study of the time it takes, with the support of non-governmental organizations, on time-consuming steps and co-operation between States. Co-operation matters.",
    ],
    removed: ["line-end-hyphen"],
  },
  {
    name: "a French compound keeps its hyphen, a French break loses it",
    raw: "Les gouverne-\nments des États-\nUnis peuvent-\nils agir ? Ils peuvent être saisis par les Gouvernements.",
    paragraphs: ["body: Les gouvernements des États-Unis peuvent-ils agir ? Ils peuvent être saisis par les Gouvernements."],
    removed: ["line-end-hyphen"],
  },
  {
    name: "a running head repeated at the top of the pages goes, the first page keeps its copy",
    raw: [
      "EG.4/2026/L.1",
      "",
      "First page text ends here.",
      "",
      "\fEG.4/2026/L.1",
      "",
      "Second page text ends here.",
      "",
      "\fEG.4/2026/L.1",
      "",
      "Third page text ends here.",
    ].join("\n"),
    paragraphs: ["heading: EG.4/2026/L.1", "body: First page text ends here.", "body: Second page text ends here.", "body: Third page text ends here."],
    removed: ["page-stamp", "page-stamp"],
  },
  {
    name: "a running foot with the page number in it goes from every page; a sentence that opens two pages stays",
    raw: [
      "Report of the Expert Group",
      "",
      "The meeting opened.",
      "",
      "Report of the Expert Group, page 1",
      "",
      "\fThe meeting opened.",
      "",
      "It closed later.",
      "",
      "Report of the Expert Group, page 2",
      "",
      "\fIt went on for a day.",
      "",
      "Report of the Expert Group, page 3",
    ].join("\n"),
    paragraphs: [
      "heading: Report of the Expert Group",
      "body: The meeting opened.",
      "body: The meeting opened.",
      "body: It closed later.",
      "body: It went on for a day.",
    ],
    removed: ["page-stamp", "page-stamp", "page-stamp"],
  },
  {
    name: "a URL cut at the margin is joined without a space",
    raw: "Texte.1\n\n1 Voir https://\nwww.eff.org/document/joint-civil-society-response-budapest-\nconvention",
    paragraphs: ["body: Texte.", "note[1]: 1 Voir https://www.eff.org/document/joint-civil-society-response-budapest-convention"],
  },
  {
    name: "markdown headings, bullets, emphasis and links",
    raw: "## Projet de rapport\n\n### Coopération internationale\n\n- Le **Groupe** a *noté* la [résolution 74/247](#).\n- 3) Il est nécessaire d'agir ;",
    paragraphs: [
      "heading: Projet de rapport",
      "heading: Coopération internationale",
      "item: Le Groupe a noté la résolution 74/247.",
      "item: 3) Il est nécessaire d'agir ;",
    ],
    removed: ["markup", "markup", "markup", "markup", "markup", "markup"],
  },
  {
    name: "emphasis spanning a wrapped line joins the lines",
    raw: "Signatories\n\n**Ostrom Workshop Program on Cybersecurity\nand Internet Governance**\nIndiana University\n\n*President of The Global Forum on Cyber Expertise\nFoundation, signing in personal capacity.*",
    paragraphs: [
      "heading: Signatories",
      "item: Ostrom Workshop Program on Cybersecurity and Internet Governance",
      "item: Indiana University",
      "item: President of The Global Forum on Cyber Expertise Foundation, signing in personal capacity.",
    ],
  },
  {
    name: "superscripts written with a caret",
    raw: "La 146^e Assemblée, adoptée le 1^{er} avril 2015, a conclu.",
    paragraphs: ["body: La 146e Assemblée, adoptée le 1er avril 2015, a conclu."],
    removed: ["markup", "markup"],
  },
  {
    name: "intertitle framed by dashes is a heading",
    raw: "Le traité est adopté.\n\n- \"Utilisé pour réprimer\" -\n\nMais les opposants dénoncent un périmètre trop large.",
    paragraphs: ["body: Le traité est adopté.", "heading: \"Utilisé pour réprimer\"", "body: Mais les opposants dénoncent un périmètre trop large."],
  },
  {
    name: "signatory lines stay one entry each, even after a wrap-width line",
    raw: "Cordialement,\n\n7amleh - The Arab Center for the Advancement of Social Media\nAccess Now\nElectronic Frontier Foundation (EFF)\neQuality Project, University of Ottawa – Canada",
    paragraphs: [
      "body: Cordialement,",
      "item: 7amleh - The Arab Center for the Advancement of Social Media",
      "item: Access Now",
      "item: Electronic Frontier Foundation (EFF)",
      "item: eQuality Project, University of Ottawa – Canada",
    ],
  },
  {
    name: "a comma before a blank line does not join one-line clauses",
    raw: "La 146e Assemblée de l'Union interparlementaire,\n\ncondamnant toutes les formes de cybercriminalité,\n\nréaffirmant le cadre de l'ONU,",
    paragraphs: [
      "body: La 146e Assemblée de l'Union interparlementaire,",
      "body: condamnant toutes les formes de cybercriminalité,",
      "body: réaffirmant le cadre de l'ONU,",
    ],
  },
  {
    name: "Windows line ends, form feed and invisible characters",
    raw: "Premi\u00adère page\u200b.\r\n\f\r\nDeuxième page.",
    paragraphs: ["body: Première page.", "body: Deuxième page."],
    removed: ["control-character"],
  },
  {
    name: "an English heading, then prose",
    raw: "Protecting victims\n\nThe new instrument must protect victims. It must offer remedies.",
    paragraphs: ["heading: Protecting victims", "body: The new instrument must protect victims. It must offer remedies."],
  },
];

describe("layout clean-up", () => {
  it.each(CASES)("$name", ({ raw, paragraphs, removed, repairs }) => {
    const clean = cleanLayout(raw);
    expect(clean.paragraphs.map(show)).toEqual(paragraphs);
    if (removed) expect(clean.removed.map((r) => r.kind)).toEqual(removed);
    if (repairs) expect(clean.repairs.map((r) => r.kind)).toEqual(repairs);
  });

  it("records where a note call stood", () => {
    const clean = cleanLayout("Le texte est adopté.1 Il sera signé.\n\n1 Voir le rapport.");
    expect(clean.paragraphs[0].noteRefs).toEqual([{ label: "1", offset: "Le texte est adopté.".length }]);
  });

  it("reports each removal with its source line and exact text", () => {
    const clean = cleanLayout("Un.\n\n2/5 V.20-04090\n\nDeux.");
    expect(clean.removed).toEqual([
      { kind: "page-stamp", line: 3, text: "2/5 V.20-04090", reason: "page header or footer" },
    ]);
  });

  it("returns no paragraph for blank input", () => {
    expect(cleanLayout(" \n\n \n").paragraphs).toEqual([]);
  });
});

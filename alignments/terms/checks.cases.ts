import type { FindingKind } from "./checks";
import type { MatchMode, Term, TermStatus } from "./match";

/**
 * Hand-written check cases over one link each: true findings, and traps where a naive checker would
 * report something that is not wrong. Shared by the unit tests and by `npm run bench:terms`, which
 * prints the checks' precision and recall on them.
 */
let id = 0;
const t = (concept: number, language: "fr" | "en", text: string, status: TermStatus = "preferred", match: MatchMode = "inflected"): Term => ({ id: ++id, concept, language, text, status, match });

export const CASE_GLOSSARY: Term[] = [
  t(1, "fr", "entraide judiciaire"),
  t(1, "en", "mutual legal assistance"),
  t(2, "fr", "preuve électronique"),
  t(2, "en", "electronic evidence"),
  t(3, "fr", "autorité centrale"),
  t(3, "en", "central authority"),
  t(4, "fr", "fournisseur d'accès à Internet"),
  t(4, "fr", "FAI", "admitted"),
  t(4, "en", "Internet service provider"),
  t(4, "en", "ISP", "admitted"),
  t(5, "fr", "renforcement des capacités"),
  t(5, "en", "capacity-building"),
  t(6, "fr", "droits de l'homme"),
  t(6, "fr", "droits humains", "admitted"),
  t(6, "en", "human rights"),
  t(7, "fr", "cyberespace"),
  t(7, "fr", "cyberspace", "deprecated"),
  t(7, "en", "cyberspace"),
  t(8, "fr", "pédopornographie", "forbidden"),
  t(8, "fr", "matériel d'abus sexuel sur enfant"),
  t(8, "en", "child sexual abuse material"),
  t(9, "fr", "Convention de Budapest", "preferred", "exact"),
  t(9, "en", "Budapest Convention", "preferred", "exact"),
];

export interface CheckCase {
  name: string;
  en: string;
  fr: string;
  /** The findings a careful reviewer would report, by kind (one entry per finding). */
  findings: FindingKind[];
}

export const CHECK_CASES: CheckCase[] = [
  // true findings
  { name: "French term, English rendering missing", en: "Requests for assistance shall be sent to the Ministry.", fr: "Les demandes d'entraide judiciaire sont adressées au ministère.", findings: ["missing-en"] },
  { name: "English term, French rendering missing", en: "Each State shall designate a central authority.", fr: "Chaque État désigne un service.", findings: ["missing-fr"] },
  { name: "two occurrences against one", en: "Electronic evidence must be preserved and shared.", fr: "Les preuves électroniques doivent être conservées, et les preuves électroniques partagées.", findings: ["count"] },
  { name: "deprecated French term", en: "Cyberspace must remain open.", fr: "Le cyberspace doit rester ouvert.", findings: ["deprecated"] },
  { name: "forbidden French term, rendering also missing", en: "Material depicting abuse of children is an offence.", fr: "La pédopornographie est une infraction.", findings: ["missing-en", "forbidden"] },
  { name: "a date that does not correspond", en: "It entered into force on 1 July 2004.", fr: "Elle est entrée en vigueur le 1er juillet 2005.", findings: ["numbers"] },
  { name: "an article number that does not correspond", en: "as provided in Article 12(3)", fr: "comme le prévoit l'article 13, § 3", findings: ["numbers"] },
  { name: "a missing figure", en: "The vote was 120 in favour, 2 against.", fr: "Le vote a recueilli 120 voix pour.", findings: ["numbers"] },
  // Inline codes of a memory (decision 23): one character each, U+F0000 onwards.
  { name: "an inline code lost in the French", en: "It enters into force on \u{F0000}.", fr: "Elle entre en vigueur le .", findings: ["codes"] },
  { name: "an inline code added in the English", en: "The \u{F0001}Act\u{F0002} applies.", fr: "La loi s'applique.", findings: ["codes"] },
  { name: "an exact term written otherwise", en: "the Convention of Budapest", fr: "la Convention de Budapest", findings: ["missing-en"] },
  { name: "a reference to another act one side leaves out", en: "tax treaty, as defined in subsection 248(1) of the Income Tax Act", fr: "traité fiscal, au sens du présent article", findings: ["numbers"] },
  { name: "two references that do not correspond", en: "An order filed under subsection (2) may be amended.", fr: "L’ordonnance déposée en vertu du paragraphe (3) peut être modifiée.", findings: ["numbers"] },
  { name: "a section said as the whole act", en: "This Act does not apply to the agreements of section 12.", fr: "La présente loi ne s’applique pas aux accords.", findings: ["numbers"] },
  {
    name: "a definition linked to another definition",
    en: "offence means an offence within the meaning of the relevant agreement; (infraction)",
    fr: "données Représentations, notamment signes, signaux ou symboles, qui peuvent être comprises par une personne physique ou traitées par un ordinateur ou un autre dispositif. (data)",
    findings: ["misaligned"],
  },
  {
    name: "a definition linked to two others (MLA Act, row 20)",
    en: "International Criminal Court means the International Criminal Court as defined in subsection 2(1) of the Crimes Against Humanity and War Crimes Act; (Cour pénale internationale)",
    fr: "tout tribunal pénal international dont le nom figure à l’annexe. (state or entity) infraction Infraction au sens de l’accord applicable. (offence)",
    findings: ["misaligned"],
  },
  // traps: nothing is wrong
  { name: "inline codes moved, as many on both sides", en: "The \u{F0001}Act\u{F0002} applies on \u{F0000}.", fr: "Le \u{F0000} s'applique la \u{F0001}loi\u{F0002}.", findings: [] },
  { name: "a figure next to a code", en: "Article 5\u{F0000} applies.", fr: "L'article 5\u{F0000} s'applique.", findings: [] },
  { name: "a definition and its counterpart, each naming the other's term", en: "request means a request for assistance presented pursuant to an agreement; (demande)", fr: "demande Demande d’assistance présentée en application d’un accord. (request)", findings: [] },
  { name: "subsections said as the present section", en: "Sections 4 and 5 do not apply in respect of an administrative arrangement entered into under subsection (1) or (2).", fr: "Les articles 4 et 5 ne s’appliquent pas à une entente administrative visée au présent article.", findings: [] },
  { name: "a subsection left implicit by a definite article", en: "An order made under subsection 18(1) may be executed anywhere in Canada.", fr: "L’ordonnance peut être exécutée en tout lieu du Canada.", findings: [] },
  { name: "a subsection named again as that subsection", en: "The request referred to in that subsection is sent to the Minister.", fr: "La demande visée au paragraphe 83(2) est transmise au ministre.", findings: [] },
  { name: "this section for subsection (1)", en: "For the purposes of this section, fine includes any pecuniary penalty.", fr: "Pour l’application du paragraphe (1), amende s’entend notamment de toute peine pécuniaire.", findings: [] },
  { name: "paragraph (a) and section 5 in both languages, this Act", en: "the agreement referred to in paragraph (a) of section 5 of this Act", fr: "l’accord visé à l’alinéa a) de l’article 5 de la présente loi", findings: [] },
  { name: "a short heading with nothing in common", en: "Evidence", fr: "Preuve", findings: [] },
  { name: "a provision without cognates", en: "Every person who knowingly makes a false statement in a request is guilty of an offence.", fr: "Quiconque fait sciemment une fausse déclaration dans une demande commet une infraction.", findings: [] },
  { name: "elided and plural French forms", en: "mutual legal assistance requests", fr: "les demandes d'entraides judiciaires", findings: [] },
  { name: "apostrophe variants", en: "human rights", fr: "les droits de l’homme", findings: [] },
  { name: "admitted synonym on the French side", en: "human rights defenders", fr: "les défenseurs des droits humains", findings: [] },
  { name: "acronym as the rendering", en: "ISPs shall cooperate.", fr: "Les fournisseurs d’accès à Internet coopèrent.", findings: [] },
  { name: "hyphenation", en: "capacity building is essential", fr: "le renforcement des capacités est essentiel", findings: [] },
  { name: "possessive English form", en: "the central authority's request", fr: "la demande de l'autorité centrale", findings: [] },
  { name: "plural English form", en: "central authorities", fr: "les autorités centrales", findings: [] },
  { name: "a word containing a term", en: "cyberspaces and cyberspacecraft", fr: "des cyberespaces", findings: [] },
  { name: "French thousands and decimals", en: "USD 1,500,000.50 and 2.5%", fr: "1 500 000,50 USD et 2,5 %", findings: [] },
  { name: "ordinal date", en: "on 1 January 1959", fr: "le 1er janvier 1959", findings: [] },
  { name: "24/7", en: "a 24/7 point of contact", fr: "un point de contact joignable 24 heures sur 24 et 7 jours sur 7", findings: [] },
  { name: "spelled-out number", en: "within seven days", fr: "dans un délai de 7 jours", findings: [] },
  { name: "document symbols", en: "resolution A/C.3/74/L.11/Rev.1", fr: "la résolution A/C.3/74/L.11/Rev.1", findings: [] },
  { name: "section numbers", en: "see section 12.1", fr: "voir la section 12.1", findings: [] },
  { name: "no terms at all", en: "The meeting was adjourned.", fr: "La séance est levée.", findings: [] },
];

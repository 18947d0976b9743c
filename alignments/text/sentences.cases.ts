import type { Language } from "../languages";

/** Tricky sentence boundaries in French and English: the unit tests and `npm run bench:segment` both use them. */
export interface SentenceCase {
  name: string;
  language: Language;
  text: string;
  sentences: string[];
}

export const SENTENCE_CASES: SentenceCase[] = [
  // French
  { name: "plain French sentences", language: "fr", text: "La convention est adoptée. Elle entre en vigueur demain.", sentences: ["La convention est adoptée.", "Elle entre en vigueur demain."] },
  { name: "M. before a name", language: "fr", text: "Il a rencontré M. Raef Badawi en 2014. Le procès a suivi.", sentences: ["Il a rencontré M. Raef Badawi en 2014.", "Le procès a suivi."] },
  { name: "Mme and MM.", language: "fr", text: "Mme Mebarki et MM. Dupont et Durand ont pris la parole. La séance est levée.", sentences: ["Mme Mebarki et MM. Dupont et Durand ont pris la parole.", "La séance est levée."] },
  { name: "art. before a number", language: "fr", text: "Voir l'art. 12 de la Convention. Le paragraphe 3 s'applique.", sentences: ["Voir l'art. 12 de la Convention.", "Le paragraphe 3 s'applique."] },
  { name: "p. ex. mid-sentence", language: "fr", text: "Certains outils, p. ex. Le Rédacteur de requêtes, existent déjà.", sentences: ["Certains outils, p. ex. Le Rédacteur de requêtes, existent déjà."] },
  { name: "etc. ends a sentence before a capital", language: "fr", text: "Les données, les preuves, etc. Tout doit être conservé.", sentences: ["Les données, les preuves, etc.", "Tout doit être conservé."] },
  { name: "etc. inside a sentence", language: "fr", text: "Les données, les preuves, etc. doivent être conservées.", sentences: ["Les données, les preuves, etc. doivent être conservées."] },
  { name: "document symbol", language: "fr", text: "Le projet A/C.3/74/L.11/Rev.1 a été adopté. Il était contesté.", sentences: ["Le projet A/C.3/74/L.11/Rev.1 a été adopté.", "Il était contesté."] },
  { name: "resolution numbers and 24/7", language: "fr", text: "La résolution 74/247 crée le réseau 24/7. Les États y participent.", sentences: ["La résolution 74/247 crée le réseau 24/7.", "Les États y participent."] },
  { name: "ellipsis in brackets", language: "fr", text: "Je considère que les documents (...) sont adoptés.", sentences: ["Je considère que les documents (...) sont adoptés."] },
  { name: "ellipsis in square brackets", language: "fr", text: "Des trafiquants d'êtres humains […] qui profitent des technologies.", sentences: ["Des trafiquants d'êtres humains […] qui profitent des technologies."] },
  { name: "ellipsis ends a sentence", language: "fr", text: "Liberté d'expression, de conscience, d'association... Cette requête a été rejetée.", sentences: ["Liberté d'expression, de conscience, d'association...", "Cette requête a été rejetée."] },
  { name: "guillemets close the sentence", language: "fr", text: "Il a observé que : « L'adoption massive de lois a ouvert la porte à la répression. » Comme il le remarque, ces lois sont utilisées.", sentences: ["Il a observé que : « L'adoption massive de lois a ouvert la porte à la répression. »", "Comme il le remarque, ces lois sont utilisées."] },
  { name: "quotation continued by its speaker", language: "fr", text: "\"Je considère que les documents sont adoptés. Merci beaucoup, bravo à tous !\", a lancé la présidente. Le traité suit.", sentences: ["\"Je considère que les documents sont adoptés. Merci beaucoup, bravo à tous !\", a lancé la présidente.", "Le traité suit."] },
  { name: "guillemets with two sentences inside", language: "fr", text: "Elle a dit : « Nous avons gagné. Merci à tous. » Puis elle est partie.", sentences: ["Elle a dit : « Nous avons gagné. Merci à tous. »", "Puis elle est partie."] },
  { name: "period after a closing quote", language: "fr", text: "Les Etats doivent \"s'assurer que les droits humains soient au coeur de la Convention\". \"Les défenseurs ne devraient pas craindre\", avait-il ajouté.", sentences: ["Les Etats doivent \"s'assurer que les droits humains soient au coeur de la Convention\".", "\"Les défenseurs ne devraient pas craindre\", avait-il ajouté."] },
  { name: "exclamation with French spacing", language: "fr", text: "Quelle victoire ! Le texte est adopté ?", sentences: ["Quelle victoire !", "Le texte est adopté ?"] },
  { name: "question mark followed by lower case", language: "fr", text: "Faut-il un traité ? demande-t-il aux délégués.", sentences: ["Faut-il un traité ? demande-t-il aux délégués."] },
  { name: "colon and semicolon never split", language: "fr", text: "Les pays devraient : renforcer la coopération ; créer des équipes d'enquête conjointes ; partager les preuves.", sentences: ["Les pays devraient : renforcer la coopération ; créer des équipes d'enquête conjointes ; partager les preuves."] },
  { name: "numbered item keeps its number", language: "fr", text: "3) Il est nécessaire d'avoir des partenaires. Ils doivent être fiables.", sentences: ["3) Il est nécessaire d'avoir des partenaires.", "Ils doivent être fiables."] },
  { name: "enumerator with a period", language: "fr", text: "1. Encourage les parlements à agir. Ils le feront.", sentences: ["1. Encourage les parlements à agir.", "Ils le feront."] },
  { name: "roman numeral heading number", language: "fr", text: "II. Liste de recommandations", sentences: ["II. Liste de recommandations"] },
  { name: "sentence ends with a number", language: "fr", text: "Le traité a été adopté en 2024. Quarante États doivent le ratifier.", sentences: ["Le traité a été adopté en 2024.", "Quarante États doivent le ratifier."] },
  { name: "sentence starts with a number", language: "fr", text: "Le vote a eu lieu. 102 voix contre, 23 pour.", sentences: ["Le vote a eu lieu.", "102 voix contre, 23 pour."] },
  { name: "initials in a name", language: "fr", text: "Vinton G. Cerf a signé. Il est vice-président.", sentences: ["Vinton G. Cerf a signé.", "Il est vice-président."] },
  { name: "ordinal superscript kept plain", language: "fr", text: "La 146e Assemblée s'est tenue à Manama. Le 1er avril 2015 aussi.", sentences: ["La 146e Assemblée s'est tenue à Manama.", "Le 1er avril 2015 aussi."] },
  { name: "dash dialogue after a sentence", language: "fr", text: "Il se tut. — Et maintenant ? dit-elle.", sentences: ["Il se tut.", "— Et maintenant ? dit-elle."] },
  { name: "no. before a number", language: "fr", text: "Voir le document no. 5 du dossier. Il est public.", sentences: ["Voir le document no. 5 du dossier.", "Il est public."] },
  { name: "acronym with periods", language: "fr", text: "Le Conseil de l'O.N.U. Genève a été saisi.", sentences: ["Le Conseil de l'O.N.U. Genève a été saisi."] },
  // English
  { name: "plain English sentences", language: "en", text: "The convention was adopted. It enters into force tomorrow.", sentences: ["The convention was adopted.", "It enters into force tomorrow."] },
  { name: "Mr. and Dr.", language: "en", text: "Mr. Smith met Dr. Jones in Vienna. They agreed.", sentences: ["Mr. Smith met Dr. Jones in Vienna.", "They agreed."] },
  { name: "e.g. and i.e.", language: "en", text: "Some tools, e.g. The MLA Request Writer, already exist, i.e. States can use them. Others do not.", sentences: ["Some tools, e.g. The MLA Request Writer, already exist, i.e. States can use them.", "Others do not."] },
  { name: "No. before a number", language: "en", text: "See Resolution No. 74/247 of the General Assembly. It was adopted.", sentences: ["See Resolution No. 74/247 of the General Assembly.", "It was adopted."] },
  { name: "U.N. abbreviation", language: "en", text: "The U.N. General Assembly voted. The text passed.", sentences: ["The U.N. General Assembly voted.", "The text passed."] },
  { name: "U.S. inside a sentence", language: "en", text: "The U.S. Department of Justice issued a request.", sentences: ["The U.S. Department of Justice issued a request."] },
  { name: "double quotes close the sentence", language: "en", text: "She said, \"We have won.\" Then she left.", sentences: ["She said, \"We have won.\"", "Then she left."] },
  { name: "quotation continued by its speaker", language: "en", text: "\"I consider the documents adopted. Thank you very much!\" said the chair. The treaty follows.", sentences: ["\"I consider the documents adopted. Thank you very much!\" said the chair.", "The treaty follows."] },
  { name: "curly quotes", language: "en", text: "It called it “a catastrophe for human rights.” Others disagreed.", sentences: ["It called it “a catastrophe for human rights.”", "Others disagreed."] },
  { name: "parenthesis closes the sentence", language: "en", text: "The vote was 102 to 23 (with 26 abstentions.) The treaty passed.", sentences: ["The vote was 102 to 23 (with 26 abstentions.)", "The treaty passed."] },
  { name: "Art. before a number", language: "en", text: "Under Art. 5 the request is refused. Art. 6 then applies.", sentences: ["Under Art. 5 the request is refused.", "Art. 6 then applies."] },
  { name: "St. before a name", language: "en", text: "They met in St. Petersburg. Talks followed.", sentences: ["They met in St. Petersburg.", "Talks followed."] },
  { name: "a month abbreviation", language: "en", text: "It was signed on Jan. 5 in Budapest. It is in force.", sentences: ["It was signed on Jan. 5 in Budapest.", "It is in force."] },
  { name: "question and exclamation", language: "en", text: "Is a new treaty needed? We doubt it! The letter ends here.", sentences: ["Is a new treaty needed?", "We doubt it!", "The letter ends here."] },
  { name: "et al.", language: "en", text: "As Xu et al. Show in their study, alignment is hard.", sentences: ["As Xu et al. Show in their study, alignment is hard."] },
  { name: "decimal numbers", language: "en", text: "Recall rose from 0.93 to 0.97. Precision held.", sentences: ["Recall rose from 0.93 to 0.97.", "Precision held."] },
  { name: "list item enumerator", language: "en", text: "12) With regard to scope, cooperation should involve ISPs. States agreed.", sentences: ["12) With regard to scope, cooperation should involve ISPs.", "States agreed."] },
  { name: "lettered heading", language: "en", text: "C. Statements", sentences: ["C. Statements"] },
  { name: "Inc. inside a name", language: "en", text: "Microsoft Inc. Signed the letter.", sentences: ["Microsoft Inc. Signed the letter."] },
];

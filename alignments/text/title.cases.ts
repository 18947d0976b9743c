/**
 * The title a document's first headings give it (title.ts), on texts as they come to the pipeline: each case is
 * cut by processDocument, then titled. `title: null`: the document has no title of its own (the import then uses
 * the file's name).
 */
export const TITLE_CASES: ReadonlyArray<{ name: string; language: "fr" | "en"; text: string; title: string | null }> = [
  {
    name: "a markdown heading",
    language: "fr",
    text: "# Projet de rapport\n\nLe Groupe d’experts a tenu sa session à Vienne. Il a adopté ses conclusions.",
    title: "Projet de rapport",
  },
  {
    name: "a plain first line that the layout takes for a heading",
    language: "en",
    text: "Report of the Expert Group on Cybercrime\n\nThe Expert Group met in Vienna. It adopted its conclusions by consensus.",
    title: "Report of the Expert Group on Cybercrime",
  },
  {
    name: "a UN masthead: the symbol goes in brackets, the masthead and the date line are left out",
    language: "en",
    text: [
      "United Nations",
      "",
      "EG.4/2026/L.1",
      "",
      "Expert Group on International Cooperation against Cybercrime",
      "",
      "Vienna, 2–4 March 2026",
      "",
      "The Expert Group met in Vienna. It adopted the following conclusions by consensus.",
    ].join("\n"),
    title: "Expert Group on International Cooperation against Cybercrime (EG.4/2026/L.1)",
  },
  {
    name: "a masthead run together on one line (the French seed 002, from a PDF)",
    language: "fr",
    text: [
      "27 juillet 2020 Français Original: anglais",
      "",
      "Groupe d'experts chargé de réaliser une étude approfondie sur la cybercriminalité",
      "",
      "Vienne, 27-29 juillet 2020",
      "",
      "## Projet de rapport",
      "",
      "Le Groupe d’experts a adopté ses conclusions.",
    ].join("\n"),
    title: "Groupe d'experts chargé de réaliser une étude approfondie sur la cybercriminalité",
  },
  {
    name: "prose from the first line: no title",
    language: "en",
    text: "The Minister may help a foreign State. The request is written.\n\nThe court may order the production of a record.",
    title: null,
  },
  {
    name: "a lead-in ending with a colon is not a title",
    language: "fr",
    text: "Le vote :\n\n102 voix pour, 12 contre. La résolution est adoptée.",
    title: null,
  },
  {
    name: "a symbol alone is not a title",
    language: "en",
    text: "A/AC.291/L.15\n\nThe Committee met in New York. It adopted its report.",
    title: null,
  },
  {
    name: "a heading far into the text names a section, not the document",
    language: "en",
    text: [
      ...Array.from({ length: 7 }, (_, k) => `Paragraph ${k + 1} of the letter says something. It ends here.`),
      "Our recommendations",
      "The convention should protect human rights.",
    ].join("\n\n"),
    title: null,
  },
  {
    name: "a right-to-left title",
    language: "en",
    text: "# اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية\n\nThe convention was adopted in 2024. It opens for signature in Hanoi.",
    title: "اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية",
  },
  {
    name: "a Chinese title, one word for the word count",
    language: "en",
    text: "# 联合国打击网络犯罪公约\n\nThe convention was adopted in 2024. It opens for signature in Hanoi.",
    title: "联合国打击网络犯罪公约",
  },
];

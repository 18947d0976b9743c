import { defineRules, wordBefore } from "./rules";

/**
 * Russian: "т. е." and "т. к." end nothing, but "и т. д." and "и т. п." end a sentence as "etc." does when a capital
 * follows; "г." (year, city) ends nothing except after a year ("в 1999 г. Затем…"); quotations run «…» and „…“;
 * list items are lettered in Cyrillic ("а)", "б)").
 */
export const russian = defineRules({
  abbreviations: [
    "т", "е", "к", "др", "пр", "см", "ср", "напр", "ул", "им", "проф", "акад", "стр", "рис", "табл", "гл", "млн",
    "млрд", "тыс", "руб", "коп", "г-н", "г-жа", "обл", "пос", "дер", "доц", "изд", "вып",
  ],
  beforeNumber: ["ст", "п", "пп", "ч", "с", "№"],
  afterNumberMayEnd: ["г", "гг", "в", "вв"],
  quotes: { "«": "»", "„": "“" },
  closers: "»“”’\"')]}",
  spacedClosers: "",
  openers: "«„\"'([{",
  leadingPunctuation: /^[(\[«„"'’]+/,
  enumerator: /^\(?(\d{1,3}|[a-zа-я]|[A-ZА-Я]|[IVXLCDM]+)$/,
  judgePeriod: ({ lower, text, tokenStart }) => {
    // "и т. д." / "и т.д." close a list as "etc." does: a capital after them starts a sentence.
    if (lower === "т.д" || lower === "т.п") return false;
    if ((lower === "д" || lower === "п") && /^т\.$/i.test(wordBefore(text, tokenStart))) return false;
    return undefined;
  },
});

import { forms, type ReferenceRules } from "./rules";

/**
 * Chinese and Japanese legal cross-references: "第五条第二款", "第5条第2項", "本条", "该款", "《刑法》第二十条" (another
 * text's: its name stands before the reference). Simplified, traditional and Japanese forms of each unit.
 */
export const CHINESE_REFERENCES: ReferenceRules = {
  units: {
    ...forms("act", ["法", "公约", "公約", "条约", "條約", "条約"]),
    ...forms("part", ["部分", "编", "編"]),
    ...forms("division", ["节", "節"]),
    ...forms("section", ["条", "條"]),
    ...forms("subsection", ["款", "項"]),
    ...forms("paragraph", ["项", "号", "號"]),
    ...forms("schedule", ["附件", "附属书", "附屬書", "附属書"]),
    ...forms("chapter", ["章"]),
  },
  deictics: ["本", "该", "該", "此", "同", "この"],
  outward: ["该法", "該法", "该公约", "該公約"],
  joiners: ["和", "或", "至", "及", "及び", "から"],
  elsewhere: /^(?!)/,
  numberedBetween: { elsewhereBefore: /[》」』]\s*$/ },
};

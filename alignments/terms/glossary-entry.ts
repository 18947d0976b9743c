import type { Language } from "../languages";
import type { MatchMode, TermStatus } from "./match";

/** One term of a glossary entry, in one language: how it is written, whether to use it, and how it is matched. */
export interface GlossaryTerm {
  language: Language;
  text: string;
  status: TermStatus;
  match: MatchMode;
}

export interface GlossaryEntry {
  key: string;
  domain: string;
  source: string;
  note: string;
  terms: GlossaryTerm[];
}

export interface GlossaryProblem {
  line: number;
  message: string;
}

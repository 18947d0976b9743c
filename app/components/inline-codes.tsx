import { createContext, Fragment, useContext, type ReactNode } from "react";
import { codeLabel, type InlineCodes } from "../../alignments/formats/tmx-codes";
import { codeDifference, splitAtCodes } from "../../alignments/text/inline-codes";

/**
 * A memory's inline codes in the editor (decision 23): each code character is shown as a chip that names the tag
 * (`{1}`, `<b>`, `bpt 1`), its markup in the tooltip. The chip is not text: it cannot be selected into a word or
 * typed over, and the text box refuses a change that would drop one.
 */

export type PairCodes = { en?: InlineCodes; fr?: InlineCodes };

const InlineCodesContext = createContext<PairCodes>({});
export const InlineCodesProvider = InlineCodesContext.Provider;

/** A text with its code characters as chips. */
export function CodedText({ side, text }: { side: "en" | "fr"; text: string }) {
  const codes = useContext(InlineCodesContext)[side];
  return <CodeChips text={text} codes={codes} />;
}

/**
 * A text with its code characters as chips, naming each by what `codes` says it stands for; everywhere a
 * segment's text is shown (editor, terminology pages, concordance, document page). Without `codes` a code is
 * still a chip ("code"), never the raw private-use character.
 */
export function CodeChips({ text, codes }: { text: string; codes?: InlineCodes }) {
  const pieces = splitAtCodes(text);
  if (pieces.length === 1) return <>{text}</>;
  return (
    <>
      {pieces.map((piece, k) =>
        k % 2 === 0 ? (
          <Fragment key={k}>{piece}</Fragment>
        ) : (
          <span key={k} className="code-chip" data-testid="code-chip" title={codes?.[piece] ?? "An inline code"} contentEditable={false}>
            {codeLabel(codes?.[piece])}
          </span>
        ),
      )}
    </>
  );
}

/** Renders a piece of a side's text with its codes as chips (for components that cut the text up themselves). */
export function codedRenderer(side: "en" | "fr"): (text: string) => ReactNode {
  return (text) => <CodedText side={side} text={text} />;
}

/**
 * The text box's new value, or the old one when the new one would lose or gain a code: a code is one character,
 * so a deletion or a paste either takes it whole or leaves it; taking it is refused here, before the server would.
 */
export function keepingCodes(before: string, after: string): { text: string; refused: boolean } {
  const { lost, gained } = codeDifference(before, after);
  return lost.length > 0 || gained.length > 0 ? { text: before, refused: true } : { text: after, refused: false };
}

/** The hint under the text box of a segment with codes. */
export function CodesHint({ text, refused }: { text: string; refused: boolean }) {
  const n = splitAtCodes(text).length >> 1;
  if (n === 0) return null;
  return (
    <p className={refused ? "hint hint--warn" : "hint"} data-testid="codes-hint" role={refused ? "status" : undefined}>
      {refused
        ? "Inline codes cannot be deleted, typed over or pasted in: type around them (they show as boxes here and as chips in the row)."
        : `This segment has ${n === 1 ? "an inline code" : `${n} inline codes`} (boxes here, chips in the row): they stay; type around them.`}
    </p>
  );
}

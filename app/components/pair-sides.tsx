import { useMemo, useState } from "react";
import { proposeCounterpart, type Proposal } from "../../alignments/pairing/counterpart";
import { TEXT_LANGUAGE_NAMES, type TextLanguage } from "../../alignments/languages";
import { isolated } from "~/utils/bidi";
import { Bdi } from "~/components/bidi";
import { FieldIssues, invalidProps } from "~/components/form-issues";

/**
 * The pair form's two sides (decision 0022): each lists only the documents of its language, and when a document is
 * chosen on one side the other proposes its likely counterpart (alignments/pairing/counterpart.ts) with the reason,
 * and chooses it when the user has not chosen there yet. The sides' languages are the form's choice (decision 0035):
 * an English original and its French translation unless other languages are asked for. The fields keep their names
 * (`en` the source, `fr` the target).
 */
export type SideField = "en" | "fr";
export type Chosen = Record<SideField, string>;

export interface PairSide {
  field: SideField;
  language: TextLanguage;
  label: string;
}

/** The form's two sides: the source's documents, then the target's. */
export function pairSides(source: TextLanguage = "en", target: TextLanguage = "fr"): readonly [PairSide, PairSide] {
  return [
    { field: "en", language: source, label: `${TEXT_LANGUAGE_NAMES[source]} original` },
    { field: "fr", language: target, label: `${TEXT_LANGUAGE_NAMES[target]} translation` },
  ];
}

export interface PairableDocument {
  id: number;
  title: string;
  language: TextLanguage;
  segmentCount: number;
  symbols: string[];
}

const otherSide = (sides: readonly PairSide[], field: SideField) => sides.find((side) => side.field !== field)!;
const sideOf = (sides: readonly PairSide[], field: SideField) => sides.find((side) => side.field === field)!;

/** The proposal for `field`'s side, given what is chosen on the other; null when nothing is chosen there or none is likely. */
function proposalFor(sides: readonly PairSide[], field: SideField, chosen: Chosen, documents: readonly PairableDocument[]): Proposal | null {
  const other = documents.find((d) => String(d.id) === chosen[otherSide(sides, field).field]);
  if (!other) return null;
  return proposeCounterpart(other, documents.filter((d) => d.language === sideOf(sides, field).language));
}

/**
 * The documents chosen on each side, and how a choice changes them: choosing on one side fills the other with its
 * proposed counterpart when the user has not chosen there (or when what is there was proposed, not chosen).
 */
export function usePairChoice(sides: readonly PairSide[], documents: readonly PairableDocument[], initial: Chosen) {
  const [state, setState] = useState(() => {
    const start = sides.find((side) => initial[side.field] !== "" && initial[otherSide(sides, side.field).field] === "");
    return start ? withProposal(sides, start.field, initial, null, documents) : { chosen: initial, proposed: null };
  });
  const choose = (field: SideField, value: string) =>
    setState((current) => withProposal(sides, field, { ...current.chosen, [field]: value }, current.proposed === field ? null : current.proposed, documents));
  return [state.chosen, choose] as const;
}

function withProposal(sides: readonly PairSide[], changed: SideField, chosen: Chosen, proposed: SideField | null, documents: readonly PairableDocument[]) {
  const target = otherSide(sides, changed).field;
  if (chosen[target] !== "" && proposed !== target) return { chosen, proposed };
  const proposal = proposalFor(sides, target, chosen, documents);
  return { chosen: { ...chosen, [target]: proposal ? String(proposal.id) : "" }, proposed: proposal ? target : null };
}

interface Props {
  sides: readonly PairSide[];
  documents: readonly PairableDocument[];
  chosen: Chosen;
  onChoose: (field: SideField, value: string) => void;
  /** Each side's issues (decision 0034), shown beside its list. */
  errors: Partial<Record<SideField, string[] | null | undefined>>;
}

export function PairSides({ sides, documents, chosen, onChoose, errors }: Props) {
  const proposals = useMemo(
    () => Object.fromEntries(sides.map((side) => [side.field, proposalFor(sides, side.field, chosen, documents)])) as Record<SideField, Proposal | null>,
    [sides, chosen, documents],
  );
  return (
    <>
      {sides.map((side) => {
        const list = documents.filter((d) => d.language === side.language);
        const proposal = proposals[side.field];
        const proposed = proposal ? list.find((d) => d.id === proposal.id) : undefined;
        const otherChosen = chosen[otherSide(sides, side.field).field] !== "";
        const language = TEXT_LANGUAGE_NAMES[side.language];
        return (
          <div className="field" key={side.field}>
            <label htmlFor={side.field}>{side.label}</label>
            <select
              id={side.field}
              name={side.field}
              value={chosen[side.field]}
              {...invalidProps(errors[side.field], `${side.field}-issues`, `${side.field}-counterpart`)}
              onChange={(event) => onChoose(side.field, event.target.value)}
            >
              <option value="">{list.length > 0 ? `Choose the ${language} document…` : `The library has no ${language} document`}</option>
              {list.map((d) => (
                <option key={d.id} value={d.id}>
                  {isolated(d.title)} ({d.segmentCount.toLocaleString("en-US")} segments)
                </option>
              ))}
            </select>
            <FieldIssues id={`${side.field}-issues`} errors={errors[side.field]} />
            <p className="hint counterpart" id={`${side.field}-counterpart`} data-testid={`${side.field}-counterpart`}>
              {proposal && proposed ? (
                <>
                  {String(proposed.id) === chosen[side.field] ? "Proposed counterpart. " : (
                    <>
                      Proposed counterpart: <Bdi>{proposed.title}</Bdi>.{" "}
                    </>
                  )}
                  {proposal.reason}
                  {String(proposed.id) !== chosen[side.field] ? (
                    <button type="button" className="button button--small" onClick={() => onChoose(side.field, String(proposed.id))}>
                      Choose it
                    </button>
                  ) : null}
                </>
              ) : otherChosen && list.length > 0 ? (
                `No ${language} document looks like its counterpart (no shared document symbol, title words or numbers): choose it yourself.`
              ) : null}
            </p>
          </div>
        );
      })}
    </>
  );
}

/**
 * The realignment of the unconfirmed links: the button beside the rows (which asks first, and asks the reviewer's
 * name if Tandem does not know it yet), and the progress shown while the aligner is at work.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import type { EditAnswer } from "../../editor/edits";
import { percent, ProgressBar } from "../alignment";
import { Bdi } from "../bidi";
import type { AskName } from "./use-reviewer";

export function RealignForm({
  pairId,
  version,
  confirmed,
  userName,
  askName,
  disabled,
  onProblem,
  namePrompt,
}: {
  pairId: number;
  version: number;
  /** The confirmed links, which the realignment keeps. */
  confirmed: number;
  userName: string;
  askName: AskName;
  /** Editing stopped, or changes are still being saved. */
  disabled: boolean;
  onProblem: (problem: { message: string; conflict: boolean }) => void;
  /** The reviewer's name, when asked here. */
  namePrompt: ReactNode;
}) {
  const realignFetcher = useFetcher<EditAnswer | { ok: true; realign: true }>({ key: `pair-${pairId}-realign` });
  useEffect(() => {
    const answer = realignFetcher.data;
    if (realignFetcher.state === "idle" && answer && !answer.ok) onProblem({ message: answer.message, conflict: answer.conflict });
  }, [realignFetcher.state, realignFetcher.data, onProblem]);
  const realignQuestion = `Realign the unconfirmed links? Tandem keeps the ${confirmed.toLocaleString("en-US")} confirmed links where they are and aligns the text between them again, which replaces every unconfirmed link (including ones you reshaped). You can undo it.`;
  return (
    <div className="editor-side">
      <realignFetcher.Form
        method="post"
        action={`/pairs/${pairId}`}
        className="realign-form"
        onSubmit={(event) => {
          if (userName === "") {
            event.preventDefault();
            const asked = String(version);
            askName("realign the unconfirmed links", (name) => {
              if (window.confirm(realignQuestion)) realignFetcher.submit({ intent: "realign", version: asked, user: name }, { method: "post", action: `/pairs/${pairId}` });
            }, "realign");
          } else if (!window.confirm(realignQuestion)) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="realign" />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="user" value={userName} />
        <button type="submit" className="button button--small" disabled={disabled || realignFetcher.state !== "idle"}>
          Realign the unconfirmed links
        </button>
      </realignFetcher.Form>
      {namePrompt}
    </div>
  );
}

export function Realigning({ progress, user }: { progress: number; user: string | null }) {
  return (
    <section className="aligning realigning" aria-live="polite" data-testid="realigning">
      <h2 className="section-title">Realigning the unconfirmed links… {percent(progress)}</h2>
      <ProgressBar value={progress} label="Realignment progress" />
      <p className="hint">
        {user ? <>Asked by <Bdi>{user}</Bdi>. </> : ""}The confirmed links stay where they are; editing resumes when it is done.
      </p>
    </section>
  );
}

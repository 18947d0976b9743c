/**
 * The edit queue: the links (and texts) the server acknowledged, the changes on their way to it, and the loop that
 * sends them one at a time through a fetcher, each naming the version it was made on. Edits show at once: the
 * browser applies the same pure operation the server will; the server's answer (a patch of the links, and of the
 * texts for a segment change) replaces the guess; a refusal rolls the guesses back and says why.
 */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from "react";
import { EditRefused, type EditableLink } from "../../../alignments/align/operations";
import { applyPatch, applyTextsPatch, fromTuple, isSegmentOperation, sameLink, type EditAnswer, type EditOperation, type PairTexts, type ShownLink } from "../../editor/edits";
import { useBusyRetry } from "../busy-retry";
import type { EditorProps } from "./editor-props";
import { isLocal, linksWithPending, runLocal, textsAfter, textsWithPending, type Pending } from "./local-edits";
import type { AskName } from "./use-reviewer";

/** Where changes made elsewhere moved the links (positions as this page had them). */
export type LinkChanges = Array<{ position: number; removed: number; added: number }>;

export interface EditQueueInputs {
  pairId: number;
  data: EditorProps["data"];
  ackedTexts: PairTexts;
  setAckedTexts: (update: (texts: PairTexts) => PairTexts) => void;
  textsComplete: boolean;
  /** The reviewer's name as it is now ("" until given: the first change asks for it). */
  user: MutableRefObject<string>;
  askName: AskName;
  setNotice: (notice: string | null) => void;
  /** Changes made elsewhere came with an answer: the selection follows them. */
  onUnseenChanges: (changes: LinkChanges) => void;
  /** A change was queued: the split form and the open text close. */
  onQueued: () => void;
  /** A corrected text was saved unchanged: nothing is sent, the text closes. */
  onUnchangedText: () => void;
}

/** What operations read at once, before React renders again (keys can come faster than renders). */
export interface LiveQueue {
  links: ShownLink[];
  texts: PairTexts;
  textsComplete: boolean;
  editable: boolean;
  waitingForUndo: boolean;
  pending: Pending[];
  labels: { undo: string | null; redo: string | null };
}

export function useEditQueue(inputs: EditQueueInputs) {
  const { pairId, data, ackedTexts, setAckedTexts, textsComplete, user } = inputs;
  /** The callbacks as given at the latest render: `perform` stays the same function (the rows are memoized on it). */
  const callbacks = useRef(inputs);
  callbacks.current = inputs;

  const [acked, setAcked] = useState(() => ({ version: data.version, links: data.links.map(fromTuple) }));
  const [pending, setPending] = useState<Pending[]>([]);
  const [labels, setLabels] = useState({ undo: data.undo, redo: data.redo });
  const [history, setHistory] = useState(data.history);
  /** A refusal from the server (conflict: the page is stale and editing stops until a reload). */
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const sequence = useRef(0);
  const loaderVersion = useRef(data.version);
  const ackedVersion = useRef(acked.version);
  ackedVersion.current = acked.version;

  // The server moved on (a realignment was stored): start again from its links.
  useEffect(() => {
    // A rename changes no link: the loader's history has it at the version the page already holds.
    if (data.version === ackedVersion.current) setHistory(data.history);
    if (data.version === loaderVersion.current) return;
    loaderVersion.current = data.version;
    if (data.version <= ackedVersion.current) return;
    setAcked({ version: data.version, links: data.links.map(fromTuple) });
    setLabels({ undo: data.undo, redo: data.redo });
    setHistory(data.history);
    setPending([]);
  }, [data]);

  const links = useMemo(() => linksWithPending(acked.links, pending), [acked, pending]);
  const texts = useMemo(() => textsWithPending(ackedTexts, pending), [ackedTexts, pending]);

  const fetcher = useFetcher<EditAnswer>({ key: `pair-${pairId}-edits` });
  const busyRetry = useBusyRetry();
  /** The change being sent, with the answer the fetcher held before it (a quick answer may come without a render in between). */
  const flight = useRef<{ previous: EditAnswer | undefined } | null>(null);

  useEffect(() => {
    const f = flight.current;
    if (fetcher.state !== "idle") return;
    if (f && fetcher.data !== f.previous) {
      flight.current = null;
      const answer = fetcher.data;
      if (answer?.ok) {
        // Changes made elsewhere that this page had not seen (the edit could not conflict with them) come first.
        const unseen = answer.unseen ?? [];
        setAcked((a) => {
          let list = a.links;
          for (const change of unseen) list = applyPatch(list, change.patch);
          return { version: answer.version, links: answer.patch ? applyPatch(list, answer.patch) : list };
        });
        const textPatches = [...unseen.map((change) => change.texts), answer.texts].filter((patch) => patch !== null);
        if (textPatches.length > 0) setAckedTexts((t) => textPatches.reduce(applyTextsPatch, t));
        if (unseen.length > 0) {
          // The selected link keeps its selection where the changes moved it.
          callbacks.current.onUnseenChanges(unseen.map(({ patch }) => ({ position: patch.position, removed: patch.removed, added: patch.links.length })));
          // The changes queued after this one were made on the links as this page had them: they are not sent.
          const dropped = pending.length - 1;
          setPending([]);
          callbacks.current.setNotice(
            `Saved. ${unseen.length === 1 ? "A change" : `${unseen.length} changes`} made meanwhile in another page or by another person ${unseen.length === 1 ? "is" : "are"} shown too (see the history).` +
              (dropped > 0 ? ` Your next ${dropped === 1 ? "change was" : `${dropped} changes were`} not saved: make ${dropped === 1 ? "it" : "them"} again.` : ""),
          );
        } else setPending((p) => p.slice(1));
        setLabels({ undo: answer.undo, redo: answer.redo });
        setHistory(answer.history);
        setSaved(true);
        setProblem((p) => (p?.conflict ? p : null));
        busyRetry.succeeded();
      } else if (!busyRetry.retry(answer)) {
        setPending([]);
        setProblem({
          message: answer?.message ?? "Tandem could not save this change: the server did not answer. Reload the page.",
          conflict: answer?.conflict ?? true,
        });
      }
      return;
    }
    if (!f && pending.length > 0 && !problem?.conflict && !busyRetry.waiting) {
      const { op } = pending[0];
      flight.current = { previous: fetcher.data };
      const form = new FormData();
      form.set("intent", op.name);
      form.set("version", String(acked.version));
      form.set("user", user.current);
      for (const [name, value] of Object.entries(op)) if (name !== "name") form.set(name, String(value));
      fetcher.submit(form, { method: "post", action: `/pairs/${pairId}` });
    }
  }, [fetcher, fetcher.state, fetcher.data, pending, problem, acked.version, pairId, busyRetry, setAckedTexts, user]);

  // Leaving with changes not yet saved asks first.
  useEffect(() => {
    if (pending.length === 0) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pending.length]);

  const waitingForUndo = pending.some((p) => !isLocal(p.op));
  /** Editing stops when the page is stale or the aligner is at work; a missing name is asked for at the first edit. */
  const editable = !problem?.conflict && !data.realign.pending;

  const live = useRef<LiveQueue>({ links, texts, textsComplete, editable, waitingForUndo, pending, labels });
  live.current = { links, texts, textsComplete, editable, waitingForUndo, pending, labels };

  /** Queues an operation and shows its result at once; false when it was refused here (the notice says why). */
  const perform = useCallback((op: EditOperation): boolean => {
    const s = live.current;
    const { setNotice, askName } = callbacks.current;
    if (user.current === "") {
      askName("save this change", () => perform(op));
      return false;
    }
    if (!s.editable) return false;
    if (s.waitingForUndo) {
      setNotice("Wait a moment: Tandem is still saving the undo or redo.");
      return false;
    }
    let next: EditableLink[] | null = null;
    let nextTexts: PairTexts | null = null;
    if (isLocal(op)) {
      try {
        if (isSegmentOperation(op)) {
          if (!s.textsComplete) {
            setNotice("Wait a moment: Tandem is still loading the texts of this pair.");
            return false;
          }
          nextTexts = textsAfter(s.texts, op);
          if (op.name === "edit-segment") {
            const k = op.segment - (op.side === "en" ? s.texts.enFrom : s.texts.frFrom);
            if ((op.side === "en" ? s.texts.en : s.texts.fr)[k] === (op.side === "en" ? nextTexts.en : nextTexts.fr)[k]) {
              callbacks.current.onUnchangedText();
              return true;
            }
          }
          next = runLocal(s.links, op);
        } else {
          next = runLocal(s.links, op);
          if (next.length === s.links.length && next.every((link, k) => link === s.links[k] || sameLink(link, s.links[k]))) return true;
        }
      } catch (error) {
        if (error instanceof EditRefused) {
          setNotice(error.message);
          return false;
        }
        throw error;
      }
    } else if (op.name === "undo" ? s.pending.length === 0 && !s.labels.undo : s.pending.length > 0 || !s.labels.redo) {
      setNotice(op.name === "undo" ? "There is nothing to undo." : "There is nothing to redo.");
      return false;
    }
    setNotice(null);
    setSaved(false);
    callbacks.current.onQueued();
    const item = { key: ++sequence.current, op };
    s.pending = [...s.pending, item];
    if (next) s.links = next;
    if (nextTexts) s.texts = nextTexts;
    else s.waitingForUndo = true;
    setPending((p) => [...p, item]);
    return true;
  }, [user]);

  return { acked, pending, links, texts, labels, history, problem, setProblem, saved, editable, waitingForUndo, perform, live };
}

/**
 * The alignment editor: the side-by-side table of a pair's links, with the operations a reviewer needs (move a
 * segment to the row above or below, merge, split, confirm; correct, split or merge a segment's text), undo and
 * redo, filters, progress, each row's history, the alignment map, keyboard shortcuts and a realignment of the
 * unconfirmed links.
 *
 * Edits show at once: the browser applies the same pure operation the server will, queues the change, and sends
 * the queue one change at a time through a fetcher, each naming the version it was made on. The server's answer
 * (a patch of the links, and of the texts for a segment change) replaces the guess; a refusal rolls the guesses
 * back and says why. Only the rows on screen are in the page: the table is windowed, with heights estimated from
 * the texts and measured once shown.
 */
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { linkType } from "../../../alignments/align/links";
import { useBusyRetry } from "../busy-retry";
import { CodesHint, keepingCodes } from "../inline-codes";
import { EditRefused, windowShift, type EditableLink } from "../../../alignments/align/operations";
import {
  applyPatch,
  applyTextsPatch,
  describeEdit,
  fromTuple,
  HISTORY_SHOWN,
  isSegmentOperation,
  KIND_NAME,
  runOperation,
  runSegmentOperation,
  sameLink,
  segmentReplacement,
  textsPatchOf,
  type EditAnswer,
  type EditOperation,
  type HistoryEntry,
  type LinkOperation,
  type LinkTuple,
  type Side,
  type PairTexts,
  type SegmentOperation,
  type ShownLink,
  type LinkHistoryEntry,
  describeRecordedLink,
} from "../../utils/edits";
import { foldForSearch } from "../../../alignments/text/fold";
import {
  defaultSplit,
  filterLinks,
  isFiltered,
  isLow,
  lowerBound,
  nextToCheck,
  NO_FILTERS,
  summarize,
  type Filters,
} from "../../utils/review";
import { EDITOR_SHORTCUTS, shortcutFor } from "../../utils/shortcuts";
import { AlignmentSummary, describeType, percent, ProgressBar } from "../alignment";
import { AlignmentMap, ScreenStore } from "../alignment-map";
import { Bdi } from "../bidi";
import { FindingBadges, FindingsFilterLabel, FindingsProblem, FindingsProvider, nextRowWithFindings, RowFindings, shownByFindingsFilter, TermText, useFindings } from "../findings";
import { formatWhen, LastChange, LinkConfidence } from "../link-confidence";
import { OverviewBar } from "../overview-bar";
import { NamePrompt, ReviewerBadge, saveUserName } from "../reviewer";
import { ShortcutList } from "../shortcuts";

const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/** Rows rendered before the browser has measured anything (the server's page). */
const FIRST_ROWS = 30;
/** Pixels rendered beyond the screen, above and below. */
const OVERSCAN = 1200;


export interface EditorProps {
  pairId: number;
  enDocumentId: number;
  frDocumentId: number;
  enCount: number;
  frCount: number;
  support: number | null;
  lowSupport: number;
  data: {
    version: number;
    links: LinkTuple[];
    undo: string | null;
    redo: string | null;
    history: HistoryEntry[];
    realign: { pending: boolean; progress: number; user: string | null; error: string | null };
  };
  texts: PairTexts;
  textsComplete: boolean;
  user: string;
  /** Told the documents' segment counts when a segment split or merge changes them (the page shows them too). */
  onSegmentCounts?: (counts: { en: number; fr: number }) => void;
  /** The panels above the rows (summary, shortcuts, history, map) are hidden; the bar's button says so. */
  panelsHidden?: boolean;
  onPanelsHidden?: (hidden: boolean) => void;
}

interface Pending {
  key: number;
  op: EditOperation;
}

/** An operation the browser applies at once (on links, or on segments and links); undo and redo wait for the server. */
const isLocal = (op: EditOperation): op is LinkOperation | SegmentOperation => op.name !== "undo" && op.name !== "redo";

/**
 * Runs an operation the browser applies at once, marking what it wrote as edited (as the server will): the links
 * it made or changed, or for a segment operation the link holding the segment (the others were only renumbered).
 */
function runLocal(links: readonly ShownLink[], op: LinkOperation | SegmentOperation): ShownLink[] {
  if (isSegmentOperation(op)) {
    return runSegmentOperation(links, op).map((link) => (link[op.side].includes(op.segment) ? { ...link, edited: true } : link));
  }
  // A link operation keeps the links it did not touch (the same objects): only those between go.
  const next: ShownLink[] = runOperation(links, op);
  let start = 0;
  while (start < next.length && start < links.length && next[start] === links[start]) start++;
  let end = 0;
  while (end < next.length - start && end < links.length - start && next[next.length - 1 - end] === links[links.length - 1 - end]) end++;
  for (let k = start; k < next.length - end; k++) if (next[k] !== links[k]) next[k] = { ...next[k], edited: true };
  return next;
}

/** The texts after a segment operation, as the server will make them; throws EditRefused as it would. */
function textsAfter(texts: PairTexts, op: SegmentOperation): PairTexts {
  const from = op.side === "en" ? texts.enFrom : texts.frFrom;
  const list = op.side === "en" ? texts.en : texts.fr;
  const kinds = op.side === "en" ? texts.enKinds : texts.frKinds;
  const read = (position: number) => {
    const k = position - from;
    if (k < 0 || k >= list.length) return null;
    // Offsets and note calls do not change what the text becomes; the server keeps them right.
    return { text: list[k], kind: KIND_NAME[kinds[k]] ?? "body", paragraph: 0, start: 0, end: 0, noteRefs: [] };
  };
  const { removed, segments } = segmentReplacement(op, read);
  return applyTextsPatch(texts, textsPatchOf(op.side, op.segment, removed, segments));
}

/** A link's identity for its measured height: its segments (it keeps them when links above it change). */
const keyOf = (link: EditableLink) => `${link.en[0] ?? -1}.${link.en.length}|${link.fr[0] ?? -1}.${link.fr.length}`;

/** The first index i with values[i] > x, in a sorted array. */
function upperBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function Editor(props: EditorProps) {
  const { pairId, enDocumentId, frDocumentId } = props;

  // ------------------------------------------------------------------------------------------------
  // The links: what the server acknowledged, and the changes on their way to it

  const [acked, setAcked] = useState(() => ({ version: props.data.version, links: props.data.links.map(fromTuple) }));
  const [pending, setPending] = useState<Pending[]>([]);
  const [labels, setLabels] = useState({ undo: props.data.undo, redo: props.data.redo });
  const [history, setHistory] = useState(props.data.history);
  /** A refusal from the server (conflict: the page is stale and editing stops until a reload). */
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  /** A refusal in the browser (the operation does not apply): nothing was sent. */
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const sequence = useRef(0);
  const loaderVersion = useRef(props.data.version);
  const ackedVersion = useRef(acked.version);
  ackedVersion.current = acked.version;

  // The server moved on (a realignment was stored): start again from its links.
  useEffect(() => {
    // A rename changes no link: the loader's history has it at the version the page already holds.
    if (props.data.version === ackedVersion.current) setHistory(props.data.history);
    if (props.data.version === loaderVersion.current) return;
    loaderVersion.current = props.data.version;
    if (props.data.version <= ackedVersion.current) return;
    setAcked({ version: props.data.version, links: props.data.links.map(fromTuple) });
    setLabels({ undo: props.data.undo, redo: props.data.redo });
    setHistory(props.data.history);
    setPending([]);
  }, [props.data]);

  const links = useMemo(() => {
    let list = acked.links;
    for (const p of pending) {
      if (!isLocal(p.op)) continue;
      try {
        list = runLocal(list, p.op);
      } catch {
        // The server will refuse it too, and the answer rolls everything back.
      }
    }
    return list;
  }, [acked, pending]);

  const fetcher = useFetcher<EditAnswer>({ key: `pair-${pairId}-edits` });
  const busyRetry = useBusyRetry();
  /** The change being sent, with the answer the fetcher held before it (a quick answer may come without a render in between). */
  const flight = useRef<{ previous: EditAnswer | undefined } | null>(null);
  const user = useRef(props.user);
  const [userName, setUserName] = useState(props.user);
  user.current = userName;
  const keepUserName = useCallback((name: string) => {
    saveUserName(name);
    user.current = name;
    setUserName(name);
  }, []);
  const findings = useFindings(pairId, acked.version, userName, keepUserName);

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
          const changes = unseen.map(({ patch }) => ({ position: patch.position, removed: patch.removed, added: patch.links.length }));
          const moved = windowShift(selectedNow.current, selectedNow.current + 1, changes);
          if (moved) {
            selectedNow.current += moved;
            setSelected(selectedNow.current);
          }
          // The changes queued after this one were made on the links as this page had them: they are not sent.
          const dropped = pending.length - 1;
          setPending([]);
          setNotice(
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
  }, [fetcher, fetcher.state, fetcher.data, pending, problem, acked.version, pairId, busyRetry]);

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

  const realign = props.data.realign;
  const waitingForUndo = pending.some((p) => !isLocal(p.op));
  /** Editing stops when the page is stale or the aligner is at work; a missing name is asked for at the first edit. */
  const editable = !problem?.conflict && !realign.pending;

  // ------------------------------------------------------------------------------------------------
  // Texts: those of the first screens come with the page; a large pair's others follow

  /** The texts as the server has them; `texts` adds the segment changes on their way to it. */
  const [ackedTexts, setAckedTexts] = useState(props.texts);
  const [textsComplete, setTextsComplete] = useState(props.textsComplete);
  const [textsError, setTextsError] = useState<string | null>(null);
  useEffect(() => {
    if (textsComplete) return;
    let cancelled = false;
    fetch(`/pairs/${pairId}/texts`)
      .then((response) => (response.ok ? (response.json() as Promise<PairTexts>) : Promise.reject(new Error(String(response.status)))))
      .then((all) => {
        if (cancelled) return;
        setAckedTexts(all);
        setTextsComplete(true);
      })
      .catch(() => !cancelled && setTextsError("Tandem could not load the texts of the rows further down. Reload the page."));
    return () => {
      cancelled = true;
    };
  }, [pairId, textsComplete]);

  const texts = useMemo(() => {
    let out = ackedTexts;
    for (const p of pending) {
      if (!isSegmentOperation(p.op)) continue;
      try {
        out = textsAfter(out, p.op);
      } catch {
        // Refused here, refused there: the answer rolls everything back.
      }
    }
    return out;
  }, [ackedTexts, pending]);

  const segment = useCallback(
    (side: Side, s: number): { text: string; kind: string } | null => {
      const k = s - (side === "en" ? texts.enFrom : texts.frFrom);
      const list = side === "en" ? texts.en : texts.fr;
      if (k < 0 || k >= list.length) return null;
      return { text: list[k], kind: KIND_NAME[(side === "en" ? texts.enKinds : texts.frKinds)[k]] ?? "body" };
    },
    [texts],
  );

  // ------------------------------------------------------------------------------------------------
  // Filters, progress and selection

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const searching = filters.query.trim() !== "";
  const folded = useMemo(
    () => (searching ? { en: texts.en.map(foldForSearch), fr: texts.fr.map(foldForSearch), enFrom: texts.enFrom, frFrom: texts.frFrom } : null),
    [texts, searching],
  );
  // The rows shown follow the findings only while they filter them (the findings come again after every edit).
  const findingsFilter = filters.findings ? findings : null;
  const visible = useMemo(() => {
    if (!isFiltered(filters)) return links.map((_, k) => k);
    return filterLinks(
      links,
      filters,
      (side, s) => folded?.[side][s - (side === "en" ? folded.enFrom : folded.frFrom)],
      (link) => findingsFilter !== null && shownByFindingsFilter(findingsFilter, link),
    );
  }, [links, filters, folded, findingsFilter]);
  const summary = useMemo(() => summarize(links), [links]);
  // Every segment is in exactly one link: the counts follow segment splits and merges at once.
  const counts = useMemo(() => {
    let en = 0;
    let fr = 0;
    for (const link of links) {
      en += link.en.length;
      fr += link.fr.length;
    }
    return { en, fr };
  }, [links]);
  const onSegmentCounts = props.onSegmentCounts;
  const toldCounts = useRef(`${props.enCount}|${props.frCount}`);
  useEffect(() => {
    const told = `${counts.en}|${counts.fr}`;
    if (told === toldCounts.current) return;
    toldCounts.current = told;
    onSegmentCounts?.(counts);
  }, [counts, onSegmentCounts]);

  const [selected, setSelected] = useState(0);
  const selectedIndex = Math.max(0, Math.min(lowerBound(visible, selected), visible.length - 1));
  const current = visible.length > 0 ? visible[selectedIndex] : -1;
  const [splitOpen, setSplitOpen] = useState(false);
  /** The selected row's own history is open under its tools (and stays open from row to row). */
  const [historyOpen, setHistoryOpen] = useState(false);
  /** The segment whose text is open for correction, in the selected row. */
  const [editing, setEditing] = useState<{ side: Side; segment: number } | null>(null);
  /** The row to bring into view (a move by keyboard, an address naming a link); null when none. */
  const scrollWanted = useRef<number | null>(null);
  /** A jump puts the row just below the bar; a move to the next or previous row scrolls as little as it can. */
  const scrollToTop = useRef(false);
  const scrollTries = useRef(0);
  const [, setScrollCheck] = useState(0);

  /**
   * Keys can come faster than React renders: the selection, the links shown and the queue are also kept in refs
   * that a key updates at once, so the next key acts on what the previous one did.
   */
  const selectedNow = useRef(0);
  const select = useCallback((position: number, scroll: false | "nearest" | "top" = false) => {
    selectedNow.current = position;
    setSelected(position);
    setSplitOpen(false);
    setEditing(null);
    scrollWanted.current = scroll ? position : null;
    scrollToTop.current = scroll === "top";
    scrollTries.current = 0;
  }, []);

  // ------------------------------------------------------------------------------------------------
  // Operations

  const state = useRef({ links, texts, textsComplete, visible, editable, waitingForUndo, pending, labels });
  state.current = { links, texts, textsComplete, visible, editable, waitingForUndo, pending, labels };
  /** The selected position as keys see it: the latest selection, or the first row shown after it. */
  const currentNow = () => {
    const list = state.current.visible;
    return list.length > 0 ? list[Math.max(0, Math.min(lowerBound(list, selectedNow.current), list.length - 1))] : -1;
  };

  /**
   * A change waiting for the reviewer's name, asked under its row (or beside the realign button): once given,
   * `then` makes the change. The first change of a reviewer Tandem does not know yet.
   */
  const [asking, setAsking] = useState<{ what: string; where: "row" | "realign" } | null>(null);
  const waitingForName = useRef<((name: string) => void) | null>(null);
  const askName = useCallback((what: string, then: (name: string) => void, where: "row" | "realign" = "row") => {
    setNotice(null);
    waitingForName.current = then;
    setAsking({ what, where });
  }, []);
  const giveName = useCallback(
    (name: string) => {
      keepUserName(name);
      const then = waitingForName.current;
      waitingForName.current = null;
      setAsking(null);
      then?.(name);
    },
    [keepUserName],
  );
  const cancelName = useCallback(() => {
    waitingForName.current = null;
    setAsking(null);
  }, []);

  /** Queues an operation and shows its result at once; false when it was refused here (the notice says why). */
  const perform = useCallback((op: EditOperation): boolean => {
    const s = state.current;
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
              setEditing(null);
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
    setSplitOpen(false);
    setEditing(null);
    const item = { key: ++sequence.current, op };
    s.pending = [...s.pending, item];
    if (next) s.links = next;
    if (nextTexts) s.texts = nextTexts;
    else s.waitingForUndo = true;
    setPending((p) => [...p, item]);
    return true;
  }, [askName]);

  /** Opens a segment's text for correction (the first one of a side when `segment` is null). */
  const openEditor = useCallback(
    (position: number, side: Side, segment: number | null) => {
      const s = state.current;
      const link = s.links[position];
      if (!link) return;
      if (user.current === "") return askName(`correct this ${side === "en" ? "English" : "French"} text`, () => openEditor(position, side, segment));
      if (!s.editable) return;
      if (!s.textsComplete) return setNotice("Wait a moment: Tandem is still loading the texts of this pair.");
      const target = segment ?? link[side][0];
      if (target === undefined) return setNotice(`Link ${position + 1} has no ${side === "en" ? "English" : "French"} segment to correct.`);
      setNotice(null);
      setSplitOpen(false);
      setEditing({ side, segment: target });
    },
    [askName],
  );
  const closeEditor = useCallback(() => setEditing(null), []);

  const toggle = useCallback(
    (position: number) => {
      const link = state.current.links[position];
      if (link) perform({ name: link.status === "confirmed" ? "unconfirm" : "confirm", link: position });
    },
    [perform],
  );

  // ------------------------------------------------------------------------------------------------
  // Keyboard

  const search = useRef<HTMLInputElement>(null);
  const move = useCallback(
    (delta: number) => {
      const list = state.current.visible;
      if (list.length === 0) return;
      const from = Math.max(0, Math.min(lowerBound(list, selectedNow.current), list.length - 1));
      select(list[Math.max(0, Math.min(list.length - 1, from + delta))], "nearest");
    },
    [select],
  );

  const onKey = useRef<(event: KeyboardEvent) => void>(() => {});
  /** The keys of app/utils/shortcuts.ts (the list the shortcuts panel and the user guide show). */
  onKey.current = (event: KeyboardEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (event.altKey || target?.closest("input, textarea, select, [contenteditable=true]")) return;
    const action = shortcutFor(event);
    if (action === null) return;
    const run = (op: EditOperation) => {
      event.preventDefault();
      perform(op);
    };
    const k = currentNow();
    switch (action) {
      case "undo":
      case "redo":
        return run({ name: action });
      case "next-row":
      case "previous-row":
        event.preventDefault();
        move(action === "next-row" ? 1 : -1);
        return;
      case "next-to-check": {
        event.preventDefault();
        const next = nextToCheck(state.current.links, state.current.visible, k);
        if (next < 0) setNotice("Every link shown is confirmed: nothing left to check.");
        else select(next, "top");
        return;
      }
      case "next-findings":
      case "previous-findings": {
        event.preventDefault();
        const next = nextRowWithFindings(findings, state.current.links, state.current.visible, k, action === "next-findings" ? 1 : -1);
        if (next < 0) setNotice(findings.payload ? "No row shown has terminology findings." : "The terminology is still being checked.");
        else select(next, "top");
        return;
      }
      case "search":
        event.preventDefault();
        search.current?.focus();
        return;
      case "close":
        setSplitOpen(false);
        setEditing(null);
        setHistoryOpen(false);
        setNotice(null);
        cancelName();
        return;
    }
    if (k < 0) return;
    switch (action) {
      case "confirm-toggle":
        event.preventDefault();
        toggle(k);
        return;
      case "confirm-through":
        return run({ name: "confirm-through", link: k });
      case "merge":
        return run({ name: "merge", link: k });
      case "en-up":
      case "fr-up":
        return run({ name: "shift-up", link: k, side: action === "en-up" ? "en" : "fr" });
      case "en-down":
      case "fr-down":
        return run({ name: "shift-down", link: k, side: action === "en-down" ? "en" : "fr" });
      case "history":
        event.preventDefault();
        setHistoryOpen((open) => !open);
        return;
      case "edit-en":
      case "edit-fr":
        event.preventDefault();
        openEditor(k, action === "edit-en" ? "en" : "fr", null);
        return;
      case "split": {
        event.preventDefault();
        const link = state.current.links[k];
        if (user.current === "") askName("split this row", () => setSplitOpen(true));
        else if (state.current.editable && link && link.en.length + link.fr.length > 1) setSplitOpen(true);
        return;
      }
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  // A link named in the address (#link-120) is selected and shown.
  const { hash } = useLocation();
  useEffect(() => {
    const match = /^#link-(\d+)$/.exec(hash);
    if (match) select(Math.max(0, Number(match[1]) - 1), "top");
  }, [hash, select]);

  // ------------------------------------------------------------------------------------------------
  // Windowing: only the rows on screen (and a margin) are in the page

  const body = useRef<HTMLTableSectionElement>(null);
  const heights = useRef(new Map<string, number>());
  const toolsHeight = useRef(56);
  const [measured, setMeasured] = useState(0);
  const [charsPerLine, setCharsPerLine] = useState(44);

  const estimate = useCallback(
    (link: EditableLink) => {
      const lines = (side: Side, list: number[]) =>
        list.reduce((n, s) => n + Math.max(1, Math.ceil((segment(side, s)?.text.length ?? 80) / charsPerLine)), 0);
      const inner = Math.max(1, lines("en", link.en), lines("fr", link.fr));
      const gaps = Math.max(0, Math.max(link.en.length, link.fr.length) - 1);
      return 18 + 24 * inner + 11 * gaps;
    },
    [segment, charsPerLine],
  );

  /**
   * Each link's height, by position: as measured (`heights`, by the link's segments), else estimated from its texts.
   * Built when the links change, from each link object's height kept (an edit makes new objects only for the links it
   * changed) and worked out afresh when the texts or the column's width change; a row measured later writes its
   * height here and there (see the measuring below), so that scrolling, which measures each row it brings in, and
   * moving the selection only add the heights up again.
   */
  const heightOf = useMemo(() => new WeakMap<EditableLink, number>(), [estimate]);
  const linkHeights = useMemo(
    () =>
      Float64Array.from(links, (link) => {
        let height = heightOf.get(link);
        if (height === undefined) {
          height = heights.current.get(keyOf(link)) ?? estimate(link);
          heightOf.set(link, height);
        }
        return height;
      }),
    [links, heightOf, estimate],
  );
  const offsets = useMemo(() => {
    const out = new Float64Array(visible.length + 1);
    for (let i = 0; i < visible.length; i++) out[i + 1] = out[i] + linkHeights[visible[i]] + (i === selectedIndex ? toolsHeight.current : 0);
    return out;
    // `measured` counts new measurements (written into linkHeights and toolsHeight).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, linkHeights, measured, selectedIndex]);

  const [range, setRange] = useState({ first: 0, last: FIRST_ROWS });
  /** The links on screen, for the map: kept out of the editor's state, so that scrolling re-renders the map alone. */
  const screen = useMemo(() => new ScreenStore(), []);
  /**
   * The selected row if it is on screen, else the row at the top of the screen, and where it was in the table: when
   * heights change but not the rows (rows measured, the texts of a large pair arrived), the page scrolls by as much
   * as that row moved, so that it stays where it is on screen. The browser's own anchoring is off for the table (it
   * would move the page a second time).
   */
  const anchor = useRef<{ rows: number; index: number; offset: number } | null>(null);
  const computeRange = useCallback(() => {
    const element = body.current;
    if (!element) return;
    let top = -element.getBoundingClientRect().top;
    const n = offsets.length - 1;
    const held = anchor.current;
    if (held && held.rows === n && held.index < n && top > 0) {
      const drift = offsets[held.index] - held.offset;
      if (Math.abs(drift) >= 1) {
        window.scrollBy(0, drift);
        top += drift;
      }
    }
    const first = Math.max(0, Math.min(n, upperBound(offsets, top - OVERSCAN) - 1));
    const last = Math.max(first, Math.min(n, upperBound(offsets, top + window.innerHeight + OVERSCAN)));
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    if (n > 0) {
      const screenFirst = Math.max(0, Math.min(n - 1, upperBound(offsets, top) - 1));
      const screenLast = Math.max(screenFirst, Math.min(n - 1, upperBound(offsets, top + window.innerHeight) - 1));
      screen.set(visible[screenFirst], visible[screenLast]);
      const held = selectedIndex >= screenFirst && selectedIndex <= screenLast ? selectedIndex : screenFirst;
      anchor.current = { rows: n, index: held, offset: offsets[held] };
    } else {
      screen.set(-1, -1);
      anchor.current = null;
    }
  }, [offsets, visible, screen, selectedIndex]);
  const computeRangeRef = useRef(computeRange);
  computeRangeRef.current = computeRange;
  useIsomorphicLayoutEffect(() => computeRange(), [computeRange]);
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        computeRangeRef.current();
      });
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  // Measure the rows shown; the estimate's characters per line follow the English column's width.
  /** Some row's height changed in this commit: rows may still move, so a row being brought into view is checked again. */
  const measuredNow = useRef(false);
  useIsomorphicLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    let changed = false;
    for (const row of element.querySelectorAll<HTMLTableRowElement>("tr[data-key]")) {
      const height = row.getBoundingClientRect().height;
      const key = row.dataset.key!;
      const position = Number(row.dataset.position);
      // The link object shown may hold a height of its own from before (a change rolled back brings old objects back).
      if (Math.abs((heights.current.get(key) ?? -1) - height) > 0.5 || Math.abs(linkHeights[position] - height) > 0.5) {
        heights.current.set(key, height);
        linkHeights[position] = height;
        heightOf.set(links[position], height);
        changed = true;
      }
    }
    const tools = element.querySelector<HTMLTableRowElement>("tr.row-tools");
    if (tools) {
      const height = tools.getBoundingClientRect().height;
      if (Math.abs(toolsHeight.current - height) > 0.5) {
        toolsHeight.current = height;
        changed = true;
      }
    }
    const side = element.querySelector<HTMLElement>("tr[data-key] .pair-seg-text");
    if (side) {
      const chars = Math.max(20, Math.round(side.getBoundingClientRect().width / 7.6));
      // A few characters either way change no estimate that matters, and following them could make the layout oscillate.
      if (Math.abs(chars - charsPerLine) > 2) setCharsPerLine(chars);
    }
    if (changed) {
      measuredNow.current = true;
      setMeasured((m) => m + 1);
    }
  });

  // The sticky bar's height, for the browser's own scrolling (a focused field, Tab): it stops below the bar.
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => element.parentElement?.style.setProperty("--editor-bar-height", `${element.offsetHeight}px`));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Other filters show other rows at the same height of the page: the selected row (or the first one shown after it)
  // is brought just below the bar, so that what was chosen is what is seen, also when the page was at its top.
  const lastFilters = useRef(filters);
  useIsomorphicLayoutEffect(() => {
    if (lastFilters.current === filters) return;
    lastFilters.current = filters;
    scrollWanted.current = selectedNow.current;
    scrollToTop.current = true;
    scrollTries.current = 0;
  }, [filters]);

  // The selected row grew (its text or split form opened, its history) or the bar did (a message): the whole row
  // is brought into view again below the bar, if it was on screen or a text was opened in it.
  const grown = `${editing ? `${editing.side}${editing.segment}` : ""}|${splitOpen}|${historyOpen}|${asking?.where ?? ""}|${problem?.message ?? notice ?? ""}`;
  const lastGrown = useRef(grown);
  useIsomorphicLayoutEffect(() => {
    if (lastGrown.current === grown) return;
    lastGrown.current = grown;
    if (!editing && !splitOpen && !historyOpen && !asking && !(problem?.message ?? notice)) return;
    const row = body.current?.querySelector<HTMLElement>("tr.link-row--selected");
    const rect = row?.getBoundingClientRect();
    if (!editing && (!rect || rect.bottom < 0 || rect.top > window.innerHeight)) return;
    scrollWanted.current = selectedNow.current;
    scrollToTop.current = false;
    scrollTries.current = 0;
  }, [grown]);

  // Bring the selected row into view, whole and below the sticky bar, after a jump (keys, map, address) or when it grew.
  useIsomorphicLayoutEffect(() => {
    const settled = !measuredNow.current;
    measuredNow.current = false;
    // The wanted row, once the selection has caught up with it (another render may come first).
    if (scrollWanted.current === null || scrollWanted.current !== selected || current < 0) return;
    const element = body.current;
    if (!element) return;
    const barBottom = bar.current ? bar.current.getBoundingClientRect().bottom : 0;
    const row = element.querySelector<HTMLElement>(`tr[data-position="${current}"]`);
    if (row) {
      const rect = row.getBoundingClientRect();
      const tools = element.querySelector<HTMLElement>("tr.row-tools");
      const bottom = tools ? tools.getBoundingClientRect().bottom : rect.bottom;
      // Rows measured above it move it after this commit: it is in place only once a commit measured nothing new.
      scrollTries.current++;
      if (rect.top < barBottom + 8 || (scrollToTop.current && rect.top > barBottom + 9)) window.scrollBy(0, rect.top - barBottom - 8);
      else if (bottom > window.innerHeight - 8) window.scrollBy(0, Math.min(bottom - window.innerHeight + 8, rect.top - barBottom - 8));
      else if (settled) scrollTries.current = 99;
      if (scrollTries.current > 12) {
        scrollWanted.current = null;
        scrollTries.current = 0;
      } else requestAnimationFrame(() => setScrollCheck((t) => t + 1));
    } else {
      // Not rendered: jump to where the estimate puts it; the next render brings it in and measures it.
      const top = element.getBoundingClientRect().top + window.scrollY + offsets[selectedIndex];
      window.scrollTo(0, top - (bar.current ? bar.current.offsetHeight : 0) - 40);
    }
  });

  const n = visible.length;
  const pickFromMap = useCallback((position: number) => select(position, "top"), [select]);
  const first = Math.min(range.first, n);
  const last = Math.min(Math.max(range.last, first), n);

  // ------------------------------------------------------------------------------------------------
  // Rendering

  const realignFetcher = useFetcher<EditAnswer | { ok: true; realign: true }>({ key: `pair-${pairId}-realign` });
  useEffect(() => {
    const answer = realignFetcher.data;
    if (realignFetcher.state === "idle" && answer && !answer.ok) setProblem({ message: answer.message, conflict: answer.conflict });
  }, [realignFetcher.state, realignFetcher.data]);
  const undoLabel = pending.filter((p) => isLocal(p.op)).length > 0 && !waitingForUndo
    ? describeEdit(pending[pending.length - 1].op.name, pending[pending.length - 1].op as unknown as Record<string, unknown>)
    : labels.undo;
  const canUndo = editable && !waitingForUndo && (pending.length > 0 || labels.undo !== null);
  const canRedo = editable && !waitingForUndo && pending.length === 0 && labels.redo !== null;
  const saving = pending.length > 0;
  const message = problem?.message ?? notice;

  const namePrompt = asking ? <NamePrompt what={asking.what} onName={giveName} onCancel={cancelName} /> : null;
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const position = visible[i];
    const link = links[position];
    const isSelected = i === selectedIndex;
    rows.push(
      <LinkRow
        key={keyOf(link)}
        link={link}
        position={position}
        selected={isSelected}
        segment={segment}
        enDocumentId={enDocumentId}
        frDocumentId={frDocumentId}
        editable={editable}
        onSelect={select}
        onToggle={toggle}
        editing={isSelected ? editing : null}
        onEdit={openEditor}
        onCloseEditor={closeEditor}
        perform={perform}
        author={isSelected && link.edited ? <LastChange pairId={pairId} link={link} version={acked.version} saving={saving} /> : null}
      />,
    );
    if (isSelected) {
      rows.push(
        <RowTools
          key="tools"
          link={link}
          position={position}
          total={links.length}
          editable={editable}
          splitOpen={splitOpen}
          onSplitOpen={setSplitOpen}
          historyOpen={historyOpen}
          onHistoryOpen={setHistoryOpen}
          namePrompt={asking?.where === "row" ? namePrompt : null}
          findings={<RowFindings link={link} position={position} />}
          history={historyOpen ? <LinkHistoryPanel key={keyOf(link)} pairId={pairId} link={link} position={position} version={acked.version} saving={pending.length > 0} /> : null}
          onEdit={openEditor}
          perform={perform}
          filtered={isFiltered(filters)}
        />,
      );
    }
  }
  const panelsHidden = props.panelsHidden === true;
  const realignQuestion = `Realign the unconfirmed links? Tandem keeps the ${summary.confirmed.toLocaleString("en-US")} confirmed links where they are and aligns the text between them again, which replaces every unconfirmed link (including ones you reshaped). You can undo it.`;

  return (
    <FindingsProvider value={findings}>
    <section className="editor" aria-label="Alignment editor">
      {panelsHidden ? null : (
        <AlignmentSummary
          enCount={counts.en}
          frCount={counts.fr}
          total={summary.total}
          low={summary.low}
          lowShare={summary.lowShare}
          support={props.support}
          lowSupport={props.lowSupport}
          types={summary.types}
        />
      )}

      {realign.error ? (
        <div className="alert alert--ask" role="status" data-testid="realign-error">
          {realign.error}
        </div>
      ) : null}

      <div className="editor-bar" ref={bar}>
        <div className="editor-bar-row">
          <div className="review-progress" data-testid="review-progress">
            <span className="review-figures">
              <strong>{summary.confirmed.toLocaleString("en-US")}</strong> of {summary.total.toLocaleString("en-US")} links confirmed{" "}
              <span className="muted" title="The share of the text reviewed: of the two texts' segments, those in confirmed links">
                ({percent(summary.reviewedShare)} of the text)
              </span>
            </span>
            <ProgressBar value={summary.reviewedShare} label="Share of the text reviewed" />
            <span className="muted review-left" data-testid="low-left">
              {summary.lowLeft === 0 ? "No low-confidence link left to check" : `${summary.lowLeft.toLocaleString("en-US")} low-confidence left to check`}
            </span>
          </div>
          <div className="history-buttons">
            <ReviewerBadge name={userName} onChange={keepUserName} />
            <button type="button" className="button button--small" onClick={() => perform({ name: "undo" })} disabled={!canUndo} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : "Nothing to undo"}>
              ↶ Undo
            </button>
            <button type="button" className="button button--small" onClick={() => perform({ name: "redo" })} disabled={!canRedo} title={labels.redo ? `Redo: ${labels.redo} (Ctrl+Shift+Z)` : "Nothing to redo"}>
              ↷ Redo
            </button>
            <span className={`save-state${problem ? " save-state--error" : saving ? " save-state--saving" : ""}`} role="status" data-testid="save-state">
              {problem ? "Not saved" : saving ? "Saving…" : saved ? "All changes saved" : ""}
            </span>
            {props.onPanelsHidden ? (
              <button
                type="button"
                className="button button--small panels-toggle"
                title={panelsHidden ? "Show the pair's details, the summary, shortcuts, history and map above the rows" : "Hide the pair's details, the summary, shortcuts, history and map: more rows on screen (remembered)"}
                onClick={() => props.onPanelsHidden?.(!panelsHidden)}
              >
                {panelsHidden ? "Show panels" : "Hide panels"}
              </button>
            ) : null}
          </div>
        </div>
        <div className="editor-bar-row">
          <fieldset className="filters">
            <legend className="visually-hidden">Show only</legend>
            <span className="filters-label">Show only</span>
            {(
              [
                ["unconfirmed", "Unconfirmed"],
                ["low", "Low confidence"],
                ["other", "Not 1-1"],
                ["edited", "Edited"],
                ["findings", <FindingsFilterLabel key="findings" />],
              ] as const
            ).map(([name, label]) => (
              <label key={name} className="filter">
                <input type="checkbox" checked={filters[name]} onChange={(event) => setFilters((f) => ({ ...f, [name]: event.target.checked }))} />
                {label}
              </label>
            ))}
            <input
              ref={search}
              type="search"
              className="filter-search"
              placeholder="Search English or French  ( / )"
              aria-label="Search the English or French text"
              value={filters.query}
              onChange={(event) => setFilters((f) => ({ ...f, query: event.target.value }))}
              onKeyDown={(event) => {
                if (event.key === "Escape" || event.key === "Enter") (event.target as HTMLInputElement).blur();
              }}
            />
          </fieldset>
          <span className="filter-count muted" data-testid="shown-count">
            {isFiltered(filters) ? `${n.toLocaleString("en-US")} of ${links.length.toLocaleString("en-US")} links shown` : `${links.length.toLocaleString("en-US")} links`}
            {searching && !textsComplete ? " (texts still loading)" : ""}
          </span>
        </div>
        {message ? (
          <div className={`editor-message${problem?.conflict ? " editor-message--conflict" : problem ? " editor-message--error" : ""}`} role="alert">
            <span>{message}</span>
            {problem?.conflict ? (
              <button type="button" className="button button--small button--primary" onClick={() => window.location.reload()}>
                Reload
              </button>
            ) : (
              <button type="button" className="link-button" onClick={() => (setNotice(null), setProblem(null))} aria-label="Dismiss">
                ×
              </button>
            )}
          </div>
        ) : null}
        {textsError ? (
          <div className="editor-message editor-message--error" role="alert">
            {textsError}
          </div>
        ) : null}
        <FindingsProblem />
      </div>

      <div className="editor-side">
        <realignFetcher.Form
          method="post"
          action={`/pairs/${pairId}`}
          className="realign-form"
          onSubmit={(event) => {
            if (userName === "") {
              event.preventDefault();
              const version = String(acked.version);
              askName("realign the unconfirmed links", (name) => {
                if (window.confirm(realignQuestion)) realignFetcher.submit({ intent: "realign", version, user: name }, { method: "post", action: `/pairs/${pairId}` });
              }, "realign");
            } else if (!window.confirm(realignQuestion)) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="realign" />
          <input type="hidden" name="version" value={acked.version} />
          <input type="hidden" name="user" value={userName} />
          <button type="submit" className="button button--small" disabled={!editable || saving || realignFetcher.state !== "idle"}>
            Realign the unconfirmed links
          </button>
        </realignFetcher.Form>
        {asking?.where === "realign" || (asking && current < 0) ? namePrompt : null}
      </div>

      {realign.pending ? (
        <section className="aligning realigning" aria-live="polite" data-testid="realigning">
          <h2 className="section-title">Realigning the unconfirmed links… {percent(realign.progress)}</h2>
          <ProgressBar value={realign.progress} label="Realignment progress" />
          <p className="hint">
            {realign.user ? <>Asked by <Bdi>{realign.user}</Bdi>. </> : ""}The confirmed links stay where they are; editing resumes when it is done.
          </p>
        </section>
      ) : null}

      {panelsHidden ? null : (
        <div className="editor-help">
          <div className="editor-help-main">
            <details className="shortcuts" open>
              <summary>Keyboard shortcuts</summary>
              <ShortcutList shortcuts={EDITOR_SHORTCUTS} />
              <p className="shortcuts-more">
                The keys of a segment’s text box and of the map: <Link to="/guide#shortcuts">in the guide</Link>.
              </p>
            </details>
            <details className="history" data-testid="history">
              <summary>
                History <span className="muted">({history.length === HISTORY_SHOWN ? `latest ${HISTORY_SHOWN}` : history.length} change{history.length === 1 ? "" : "s"})</span>
              </summary>
              {history.length === 0 ? (
                <p className="muted">No change yet.</p>
              ) : (
                <ul>
                  {history.map((h) => (
                    <li key={h.id} className={h.undone ? "history-undone" : undefined}>
                      <span className="history-what">{h.label}</span>
                      {h.undone ? <span className="muted"> (undone)</span> : null} <span className="muted">· <Bdi>{h.user}</Bdi> · {formatWhen(h.at)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </details>
          </div>
          <details className="map-panel" open>
            <summary>Alignment map</summary>
            <AlignmentMap links={links} enCount={counts.en} frCount={counts.fr} selected={current} screen={screen} onPick={pickFromMap} />
          </details>
        </div>
      )}

      {links.length > 0 ? (
        <div className="editor-rows">
          <table className="table alignment alignment--editor" data-version={acked.version} data-texts={textsComplete ? "complete" : "partial"}>
            <colgroup>
              <col className="col-num" />
              <col className="col-side" />
              <col className="col-side" />
              <col className="col-type" />
              <col className="col-confidence" />
              <col className="col-review" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">English (original)</th>
                <th scope="col">French (translation)</th>
                <th scope="col">Type</th>
                <th scope="col">Confidence</th>
                <th scope="col">Review</th>
              </tr>
            </thead>
            <tbody ref={body}>
              {first > 0 ? <Spacer height={offsets[first]} /> : null}
              {rows}
              {last < n ? <Spacer height={offsets[n] - offsets[last]} /> : null}
            </tbody>
          </table>
          <OverviewBar links={links} selected={current} screen={screen} onPick={pickFromMap} />
        </div>
      ) : null}
      {links.length > 0 && n === 0 ? <p className="empty">No link matches these filters.</p> : null}
    </section>
    </FindingsProvider>
  );
}

interface RowProps {
  link: ShownLink;
  position: number;
  selected: boolean;
  segment: (side: Side, s: number) => { text: string; kind: string } | null;
  enDocumentId: number;
  frDocumentId: number;
  editable: boolean;
  onSelect: (position: number) => void;
  onToggle: (position: number) => void;
  /** The segment open for correction in this row, if any. */
  editing: { side: Side; segment: number } | null;
  onEdit: (position: number, side: Side, segment: number | null) => void;
  onCloseEditor: () => void;
  perform: (op: EditOperation) => boolean;
  /** On the selected row: who last changed the link, and when. */
  author: ReactNode;
}

const LinkRow = memo(function LinkRow({
  link,
  position,
  selected,
  segment,
  enDocumentId,
  frDocumentId,
  editable,
  onSelect,
  onToggle,
  editing,
  onEdit,
  onCloseEditor,
  perform,
  author,
}: RowProps) {
  const low = isLow(link);
  const alone = link.en.length === 0 || link.fr.length === 0;
  const confirmed = link.status === "confirmed";
  const type = linkType(link);
  return (
    <tr
      data-key={keyOf(link)}
      data-position={position}
      id={`link-${position + 1}`}
      className={`link-row${low ? " link-row--low" : ""}${alone ? " link-row--alone" : ""}${confirmed ? " link-row--confirmed" : ""}${selected ? " link-row--selected" : ""}`}
      data-type={type}
      data-confidence={link.confidence}
      data-low={low || undefined}
      data-review={link.status}
      aria-selected={selected}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest("a, button, .seg-editor")) onSelect(position);
      }}
    >
      <td className="num link-num">
        {position + 1}
        {low && !confirmed ? (
          <span className="low-mark" title="Low confidence: check this link">
            <span aria-hidden="true">!</span>
            <span className="visually-hidden">low confidence</span>
          </span>
        ) : null}
      </td>
      {(["en", "fr"] as const).map((side) => (
        <SideCell
          key={side}
          side={side}
          segments={link[side]}
          segment={segment}
          documentId={side === "en" ? enDocumentId : frDocumentId}
          tools={selected && editable ? { position, editing: editing?.side === side ? editing.segment : -1, onEdit, onCloseEditor, perform } : null}
        />
      ))}
      <td>
        <span className={`link-type${type === "1-1" ? "" : " link-type--other"}`} title={describeType(type)}>
          {type}
        </span>
      </td>
      <td>
        <LinkConfidence link={link} author={author} />
      </td>
      <td className="review">
        <button
          type="button"
          className={`confirm-toggle${confirmed ? " confirm-toggle--on" : ""}`}
          aria-pressed={confirmed}
          disabled={!editable}
          title={confirmed ? "Confirmed: click to unconfirm (c)" : "Confirm this link (c)"}
          onClick={() => {
            onSelect(position);
            onToggle(position);
          }}
        >
          {confirmed ? "✓ Confirmed" : "Confirm"}
        </button>
        <FindingBadges link={link} />
      </td>
    </tr>
  );
});

interface SegmentTools {
  position: number;
  /** The segment of this side open for correction; -1: none. */
  editing: number;
  onEdit: RowProps["onEdit"];
  onCloseEditor: () => void;
  perform: RowProps["perform"];
}

function SideCell({
  side,
  segments,
  segment,
  documentId,
  tools,
}: {
  side: Side;
  segments: number[];
  segment: RowProps["segment"];
  documentId: number;
  /** In the selected row: a pencil on each segment, and the open correction. */
  tools: SegmentTools | null;
}) {
  if (segments.length === 0) {
    return (
      <td className="side side--none" lang="en">
        <span className="no-counterpart">— no counterpart</span>
      </td>
    );
  }
  return (
    <td className="side" lang={side}>
      {segments.map((s) => {
        const seg = segment(side, s);
        return (
          <div key={s} className={`pair-seg pair-seg--${seg?.kind ?? "body"}`} data-kind={seg?.kind} data-segment={s}>
            <a className="pair-seg-num" href={`/documents/${documentId}#s${s + 1}`} title={`${side === "en" ? "English" : "French"} segment ${s + 1}`} lang="en">
              {s + 1}
            </a>
            {tools && seg && tools.editing === s ? (
              <SegmentEditor key={`${s}:${seg.text}`} side={side} segment={s} text={seg.text} perform={tools.perform} onClose={tools.onCloseEditor} />
            ) : seg ? (
              <>
                <span className="pair-seg-text" dir="auto">
                  <TermText side={side} segment={s} text={seg.text} />
                </span>
                {tools ? (
                  <button
                    type="button"
                    className="seg-edit"
                    lang="en"
                    title={`Correct, split or merge ${side === "en" ? "English" : "French"} segment ${s + 1} (${side === "en" ? "e" : "⇧E"} for the first)`}
                    aria-label={`Correct ${side === "en" ? "English" : "French"} segment ${s + 1}`}
                    onClick={() => tools.onEdit(tools.position, side, s)}
                  >
                    ✎
                  </button>
                ) : null}
              </>
            ) : (
              <span className="pair-seg-text pair-seg-text--loading" aria-label="loading">
                …
              </span>
            )}
          </div>
        );
      })}
    </td>
  );
}

interface ToolsProps {
  link: EditableLink;
  position: number;
  total: number;
  editable: boolean;
  splitOpen: boolean;
  filtered: boolean;
  onSplitOpen: (open: boolean) => void;
  historyOpen: boolean;
  onHistoryOpen: (open: boolean) => void;
  /** The row's history panel, when open. */
  history: ReactNode;
  /** The row's terminology findings, if any. */
  findings: ReactNode;
  /** The reviewer's name, asked here at the first change made on this row. */
  namePrompt: ReactNode;
  onEdit: RowProps["onEdit"];
  perform: (op: EditOperation) => boolean;
}

/** The operations on the selected link, under its row. */
function RowTools({ link, position, total, editable, splitOpen, filtered, onSplitOpen, historyOpen, onHistoryOpen, history, findings, namePrompt, onEdit, perform }: ToolsProps) {
  const k = position;
  const confirmed = link.status === "confirmed";
  const button = (label: ReactNode, key: string, op: EditOperation, title: string, enabled = true) => (
    <button type="button" className="tool" disabled={!editable || !enabled} title={title} onClick={() => perform(op)}>
      {label} <kbd>{key}</kbd>
    </button>
  );
  return (
    <tr className="row-tools" aria-label={`Operations on link ${k + 1}`}>
      <td colSpan={6}>
        {splitOpen ? (
          <SplitForm link={link} position={k} perform={perform} onClose={() => onSplitOpen(false)} />
        ) : (
          <div className="tools" role="toolbar" aria-label={`Link ${k + 1}`}>
            <span className="tool-group">
              <span className="tool-group-label">English</span>
              {button("↑ First to row above", "u", { name: "shift-up", link: k, side: "en" }, "Move this row’s first English segment into the row above", k > 0 && link.en.length > 0)}
              {button("↓ Last to row below", "d", { name: "shift-down", link: k, side: "en" }, "Move this row’s last English segment into the row below", k < total - 1 && link.en.length > 0)}
            </span>
            <span className="tool-group">
              <span className="tool-group-label">French</span>
              {button("↑ First to row above", "⇧U", { name: "shift-up", link: k, side: "fr" }, "Move this row’s first French segment into the row above", k > 0 && link.fr.length > 0)}
              {button("↓ Last to row below", "⇧D", { name: "shift-down", link: k, side: "fr" }, "Move this row’s last French segment into the row below", k < total - 1 && link.fr.length > 0)}
            </span>
            <span className="tool-group">
              {button("Merge with next", "m", { name: "merge", link: k }, filtered ? "Merge with the next link of the alignment (which the filters may hide)" : "Merge this row with the row below", k < total - 1)}
              <button
                type="button"
                className="tool"
                disabled={!editable || link.en.length + link.fr.length < 2}
                title="Split this row in two"
                onClick={() => onSplitOpen(true)}
              >
                Split… <kbd>s</kbd>
              </button>
              {button(confirmed ? "Unconfirm" : "Confirm", "c", { name: confirmed ? "unconfirm" : "confirm", link: k }, confirmed ? "Mark this link as not checked" : "Mark this link as checked")}
              {button(`Confirm 1–${k + 1}`, "⇧C", { name: "confirm-through", link: k }, "Confirm every link from the first one down to this one")}
            </span>
            <span className="tool-group">
              <span className="tool-group-label">Text</span>
              {(["en", "fr"] as const).map((side) => (
                <button
                  key={side}
                  type="button"
                  className="tool"
                  disabled={!editable || link[side].length === 0}
                  title={`Correct, split or merge this row’s ${link[side].length > 1 ? "first " : ""}${side === "en" ? "English" : "French"} segment (the ✎ beside a segment opens that one)`}
                  onClick={() => onEdit(k, side, null)}
                >
                  ✎ {side === "en" ? "English" : "French"} <kbd>{side === "en" ? "e" : "⇧E"}</kbd>
                </button>
              ))}
            </span>
            <span className="tool-group">
              <button
                type="button"
                className={`tool${historyOpen ? " tool--on" : ""}`}
                aria-expanded={historyOpen}
                title="Who changed this link, when, and what it was"
                onClick={() => onHistoryOpen(!historyOpen)}
              >
                History <kbd>h</kbd>
              </button>
            </span>
          </div>
        )}
        {namePrompt}
        {findings}
        {history}
      </td>
    </tr>
  );
}

/**
 * The history of the selected link: the changes that touched its segments, newest first, with what the link
 * was before and after each, and the text before and after a correction. Asked of the server when opened, and
 * again after each saved change.
 */
function LinkHistoryPanel({ pairId, link, position, version, saving }: { pairId: number; link: EditableLink; position: number; version: number; saving: boolean }) {
  const [state, setState] = useState<{ entries: LinkHistoryEntry[] | null; error: string | null }>({ entries: null, error: null });
  const enStart = link.en[0] ?? -1;
  const frStart = link.fr[0] ?? -1;
  const query = `en=${Math.max(0, enStart)},${link.en.length}&fr=${Math.max(0, frStart)},${link.fr.length}`;
  useEffect(() => {
    // The server numbers segments as it stored them: ask once the changes on their way are saved.
    if (saving) return;
    const controller = new AbortController();
    fetch(`/pairs/${pairId}/history?${query}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ entries: LinkHistoryEntry[] }>) : Promise.reject(new Error(String(response.status)))))
      .then(({ entries }) => setState({ entries, error: null }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ entries: null, error: `Tandem could not read this link’s history (${error instanceof Error ? error.message : "no answer"}).` });
      });
    return () => controller.abort();
  }, [pairId, query, version, saving]);
  const { entries, error } = state;
  return (
    <section className="link-history" data-testid="link-history" aria-label={`History of link ${position + 1}`}>
      <h3 className="link-history-title">History of link {position + 1}</h3>
      {error ? (
        <p className="hint--warn">{error}</p>
      ) : entries === null ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No change has touched this link since the pair was aligned: it is as the aligner made it.</p>
      ) : (
        <ol>
          {entries.map((entry) => (
            <li key={entry.id} className={entry.undone ? "history-undone" : undefined}>
              <span className="history-what">{entry.label}</span>
              {entry.undone ? <span className="muted"> (undone)</span> : null}{" "}
              <span className="muted">
                · <Bdi>{entry.user}</Bdi> · {formatWhen(entry.at)}
              </span>
              {/* A corrected text rewrites its link as it was: only the texts say something then. */}
              {entry.before.map(describeRecordedLink).join("; ") !== entry.after.map(describeRecordedLink).join("; ") ? (
                <div className="link-history-links">
                  <span className="link-history-label">was</span> {entry.before.map(describeRecordedLink).join("; ") || "—"}{" "}
                  <span className="link-history-label">→ became</span> {entry.after.map(describeRecordedLink).join("; ") || "—"}
                </div>
              ) : null}
              {entry.texts ? (
                <div className="link-history-texts">
                  <span className="link-history-label">{entry.texts.side === "en" ? "English" : "French"} text was</span>{" "}
                  <q lang={entry.texts.side}>{entry.texts.before.join(" ‖ ")}</q> <span className="link-history-label">→</span>{" "}
                  <q lang={entry.texts.side}>{entry.texts.after.join(" ‖ ")}</q>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SplitForm({ link, position, perform, onClose }: { link: EditableLink; position: number; perform: (op: EditOperation) => boolean; onClose: () => void }) {
  const initial = defaultSplit(link);
  const [enCount, setEnCount] = useState(initial.enCount);
  const [frCount, setFrCount] = useState(initial.frCount);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus({ preventScroll: true }), []);
  const empty = (enCount === 0 && frCount === 0) || (enCount === link.en.length && frCount === link.fr.length);
  const options = (count: number) => Array.from({ length: count + 1 }, (_, i) => <option key={i} value={i}>{i}</option>);
  return (
    <form
      className="split-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) perform({ name: "split", link: position, enCount, frCount });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        } else if (event.key === "Enter" && (event.target as HTMLElement).tagName === "SELECT") {
          // A select does not submit its form on Enter; the split form does.
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <span className="split-title">Split link {position + 1}: this row keeps the first</span>
      <label>
        <select ref={first} value={enCount} onChange={(event) => setEnCount(Number(event.target.value))} aria-label="English segments kept in this row">
          {options(link.en.length)}
        </select>{" "}
        of {link.en.length} English
      </label>
      <label>
        <select value={frCount} onChange={(event) => setFrCount(Number(event.target.value))} aria-label="French segments kept in this row">
          {options(link.fr.length)}
        </select>{" "}
        of {link.fr.length} French
      </label>
      <span className="muted split-rest">
        → new row below: {link.en.length - enCount} English, {link.fr.length - frCount} French
      </span>
      <button type="submit" className="button button--small button--primary" disabled={empty}>
        Split
      </button>
      <button type="button" className="button button--small" onClick={onClose}>
        Cancel
      </button>
      {empty ? <span className="hint--warn">One of the two rows would be empty.</span> : null}
    </form>
  );
}

/**
 * A segment's text open for correction: Enter saves the new text, Shift+Enter splits the segment at the caret,
 * Ctrl+M merges it with the next segment of its side, Escape leaves it as it was. A changed text is saved first,
 * as its own step in the history, then split or merged.
 */
function SegmentEditor({
  side,
  segment,
  text,
  perform,
  onClose,
}: {
  side: Side;
  segment: number;
  text: string;
  perform: RowProps["perform"];
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(text);
  const [codesRefused, setCodesRefused] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    // The editor brings the row into view below its sticky bar; the browser's own scroll would not mind the bar.
    element.focus({ preventScroll: true });
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  // The whole text in view, however narrow the column: the field grows with it.
  useIsomorphicLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [draft]);
  const sideName = side === "en" ? "English" : "French";
  const run = (then: "save" | "split" | "merge") => {
    const ops: EditOperation[] = [];
    let caret = area.current?.selectionStart ?? 0;
    if (draft !== text) {
      ops.push({ name: "edit-segment", side, segment, text: draft });
      // Where the caret falls once the text is cleaned as the server cleans it (line breaks to spaces, ends trimmed).
      caret = draft.slice(0, caret).replace(/[ \t]*[\r\n]+[ \t]*/g, " ").trimStart().length;
    }
    if (then === "split") ops.push({ name: "split-segment", side, segment, caret });
    if (then === "merge") ops.push({ name: "merge-segments", side, segment });
    if (ops.length === 0) onClose();
    for (const op of ops) if (!perform(op)) break;
  };
  return (
    <div className="seg-editor" lang="en">
      <textarea
        ref={area}
        value={draft}
        lang={side}
        rows={2}
        aria-label={`Text of ${sideName} segment ${segment + 1}`}
        onChange={(event) => {
          const next = keepingCodes(draft, event.target.value);
          setCodesRefused(next.refused);
          setDraft(next.text);
        }}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          if (event.key === "Escape") {
            event.preventDefault();
            onClose();
          } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            run(event.shiftKey ? "split" : "save");
          } else if ((event.key === "m" || event.key === "M") && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            run("merge");
          }
        }}
      />
      <CodesHint text={draft} refused={codesRefused} />
      <div className="seg-editor-tools">
        <button type="button" className="tool tool--primary" onClick={() => run("save")} title="Save the corrected text (Enter); the text before it stays in the history">
          Save <kbd>⏎</kbd>
        </button>
        <button type="button" className="tool" onClick={() => run("split")} title="Cut this segment in two where the caret is (Shift+Enter)">
          Split at caret <kbd>⇧⏎</kbd>
        </button>
        <button type="button" className="tool" onClick={() => run("merge")} title={`Join ${sideName} segment ${segment + 2} to the end of this one (Ctrl+M)`}>
          Merge with segment {segment + 2} <kbd>Ctrl M</kbd>
        </button>
        <button type="button" className="tool" onClick={onClose} title="Leave the text as it was (Escape)">
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}

/**
 * Stands for the rows outside the window. Its height is set through the DOM: the Content-Security-Policy admits
 * no style attributes in markup (decision 16).
 */
function Spacer({ height }: { height: number }) {
  return (
    <tr
      className="spacer"
      aria-hidden="true"
      ref={(row) => {
        if (row) row.style.height = `${height}px`;
      }}
    >
      <td colSpan={6} />
    </tr>
  );
}

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
import { useLocation } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { foldForSearch } from "../../../alignments/text/fold";
import { describeEdit, type Side } from "../../editor/edits";
import { filterLinks, isFiltered, lowerBound, NO_FILTERS, summarize, type Filters } from "../../editor/review";
import { AlignmentSummary } from "../alignment";
import { FindingsProvider, RowFindings, shownByFindingsFilter, useFindings } from "../findings";
import { LastChange } from "../link-confidence";
import { OverviewBar } from "../overview-bar";
import { NamePrompt } from "../reviewer";
import { EditorBar } from "./editor-bar";
import { EditorHelp } from "./editor-help";
import { LinkHistoryPanel } from "./link-history";
import { LinkRow, Spacer } from "./link-row";
import { isLocal, keyOf } from "./local-edits";
import { Realigning, RealignForm } from "./realign";
import { RowTools } from "./row-tools";
import { useBringIntoView } from "./use-bring-into-view";
import { useEditQueue } from "./use-edit-queue";
import { useEditorKeys } from "./use-editor-keys";
import { usePairTexts, useSegmentLookup } from "./use-pair-texts";
import { useReviewer } from "./use-reviewer";
import { useSelection } from "./use-selection";
import { useWindowedRows } from "./use-windowed-rows";
import type { EditorProps } from "./editor-props";
import { ColumnHeads } from "../column-heads";
import { useSideNames } from "./side-names";

export type { EditorProps };

export function Editor(props: EditorProps) {
  const sideNames = useSideNames();
  const { pairId, sourceDocumentId, targetDocumentId } = props;

  /** A refusal in the browser (the operation does not apply): nothing was sent. */
  const [notice, setNotice] = useState<string | null>(null);
  const clearNotice = useCallback(() => setNotice(null), []);
  const reviewer = useReviewer(props.user, clearNotice);
  const { userName, user, keepUserName, asking, askName, giveName, cancelName } = reviewer;
  const selection = useSelection();
  const { selected, selectedNow, select, splitOpen, setSplitOpen, historyOpen, setHistoryOpen, editing, setEditing } = selection;
  const pairTexts = usePairTexts({ pairId, texts: props.texts, textsComplete: props.textsComplete });
  const { textsComplete, textsError } = pairTexts;
  const closeForms = useCallback(() => {
    setSplitOpen(false);
    setEditing(null);
  }, [setSplitOpen, setEditing]);
  const closeEditor = useCallback(() => setEditing(null), [setEditing]);

  // The links and texts: what the server acknowledged, and the changes on their way to it.
  const queue = useEditQueue({
    pairId,
    data: props.data,
    ackedTexts: pairTexts.ackedTexts,
    setAckedTexts: pairTexts.setAckedTexts,
    textsComplete,
    user,
    askName,
    setNotice,
    onUnseenChanges: selection.followChanges,
    onQueued: closeForms,
    onUnchangedText: closeEditor,
  });
  const { acked, pending, links, texts, labels, history, problem, setProblem, saved, editable, waitingForUndo, perform } = queue;
  const findings = useFindings(pairId, acked.version, userName, keepUserName);
  const segment = useSegmentLookup(texts);
  const realign = props.data.realign;

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
  const visibleNow = useRef<readonly number[]>(visible);
  visibleNow.current = visible;
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
  const toldCounts = useRef(`${props.sourceCount}|${props.targetCount}`);
  useEffect(() => {
    const told = `${counts.en}|${counts.fr}`;
    if (told === toldCounts.current) return;
    toldCounts.current = told;
    onSegmentCounts?.(counts);
  }, [counts, onSegmentCounts]);

  const selectedIndex = Math.max(0, Math.min(lowerBound(visible, selected), visible.length - 1));
  const current = visible.length > 0 ? visible[selectedIndex] : -1;

  // ------------------------------------------------------------------------------------------------
  // Operations that open something on the selected row

  /** Opens a segment's text for correction (the first one of a side when `segment` is null). */
  const openEditor = useCallback(
    (position: number, side: Side, segment: number | null) => {
      const s = queue.live.current;
      const link = s.links[position];
      if (!link) return;
      if (user.current === "") return askName(`correct this ${sideNames[side]} text`, () => openEditor(position, side, segment));
      if (!s.editable) return;
      if (!s.textsComplete) return setNotice("Wait a moment: Tandem is still loading the texts of this pair.");
      const target = segment ?? link[side][0];
      if (target === undefined) return setNotice(`Link ${position + 1} has no ${sideNames[side]} segment to correct.`);
      setNotice(null);
      setSplitOpen(false);
      setEditing({ side, segment: target });
    },
    [askName, queue.live, user, setSplitOpen, setEditing],
  );

  const toggle = useCallback(
    (position: number) => {
      const link = queue.live.current.links[position];
      if (link) perform({ name: link.status === "confirmed" ? "unconfirm" : "confirm", link: position });
    },
    [perform, queue.live],
  );

  // ------------------------------------------------------------------------------------------------
  // Keyboard

  const search = useRef<HTMLInputElement>(null);
  useEditorKeys({
    perform,
    live: queue.live,
    visible: visibleNow,
    selectedNow,
    select,
    findings,
    search,
    user,
    askName,
    setNotice,
    setSplitOpen,
    setEditing,
    setHistoryOpen,
    cancelName,
    toggle,
    openEditor,
  });

  // A link named in the address (#link-120) is selected and shown.
  const { hash } = useLocation();
  useEffect(() => {
    const match = /^#link-(\d+)$/.exec(hash);
    if (match) select(Math.max(0, Number(match[1]) - 1), "top");
  }, [hash, select]);

  // ------------------------------------------------------------------------------------------------
  // Windowing: only the rows on screen (and a margin) are in the page

  const { body, range, offsets, screen, measuredNow } = useWindowedRows({ links, visible, selectedIndex, segment });

  // The sticky bar's height, for the browser's own scrolling (a focused field, Tab): it stops below the bar.
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => element.parentElement?.style.setProperty("--editor-bar-height", `${element.offsetHeight}px`));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const message = problem?.message ?? notice;
  useBringIntoView({
    body,
    bar,
    offsets,
    selected,
    selectedNow,
    current,
    selectedIndex,
    scrollWanted: selection.scrollWanted,
    scrollToTop: selection.scrollToTop,
    scrollTries: selection.scrollTries,
    measuredNow,
    filters,
    editing,
    splitOpen,
    historyOpen,
    askingWhere: asking?.where ?? null,
    message,
  });

  const n = visible.length;
  const pickFromMap = useCallback((position: number) => select(position, "top"), [select]);
  const first = Math.min(range.first, n);
  const last = Math.min(Math.max(range.last, first), n);

  // ------------------------------------------------------------------------------------------------
  // Rendering

  const undoLabel = pending.filter((p) => isLocal(p.op)).length > 0 && !waitingForUndo
    ? describeEdit(pending[pending.length - 1].op.name, pending[pending.length - 1].op as unknown as Record<string, unknown>)
    : labels.undo;
  const canUndo = editable && !waitingForUndo && (pending.length > 0 || labels.undo !== null);
  const canRedo = editable && !waitingForUndo && pending.length === 0 && labels.redo !== null;
  const saving = pending.length > 0;

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
        sourceDocumentId={sourceDocumentId}
        targetDocumentId={targetDocumentId}
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

  return (
    <FindingsProvider value={findings}>
    <section className="editor" aria-label="Alignment editor">
      {panelsHidden ? null : (
        <AlignmentSummary
          sourceCount={counts.en}
          targetCount={counts.fr}
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

      <EditorBar
        bar={bar}
        summary={summary}
        userName={userName}
        keepUserName={keepUserName}
        onUndo={() => perform({ name: "undo" })}
        onRedo={() => perform({ name: "redo" })}
        canUndo={canUndo}
        canRedo={canRedo}
        undoLabel={undoLabel}
        redoLabel={labels.redo}
        problem={problem}
        saving={saving}
        saved={saved}
        panelsHidden={panelsHidden}
        onPanelsHidden={props.onPanelsHidden}
        filters={filters}
        setFilters={setFilters}
        search={search}
        shown={n}
        total={links.length}
        filtered={isFiltered(filters)}
        searching={searching}
        textsComplete={textsComplete}
        message={message}
        onDismiss={() => (setNotice(null), setProblem(null))}
        textsError={textsError}
      />

      <RealignForm
        pairId={pairId}
        version={acked.version}
        confirmed={summary.confirmed}
        userName={userName}
        askName={askName}
        disabled={!editable || saving}
        onProblem={setProblem}
        namePrompt={asking?.where === "realign" || (asking && current < 0) ? namePrompt : null}
      />

      {realign.pending ? <Realigning progress={realign.progress} user={realign.user} /> : null}

      {panelsHidden ? null : <EditorHelp history={history} links={links} counts={counts} current={current} screen={screen} onPick={pickFromMap} />}

      {links.length > 0 ? (
        <div className="editor-rows">
          <table className="table alignment alignment--editor" data-version={acked.version} data-texts={textsComplete ? "complete" : "partial"}>
            <ColumnHeads
              colClasses={["col-num", "col-side", "col-side", "col-type", "col-confidence", "col-review"]}
              columns={[{ label: "#", className: "num" }, `${sideNames.en} (original)`, `${sideNames.fr} (translation)`, "Type", "Confidence", "Review"]}
            />
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

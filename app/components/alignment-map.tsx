/**
 * The alignment map: every link as a short stroke from where it starts to where it ends, English position across
 * and French position down, both as a share of their document. A good alignment runs close to the diagonal; a
 * stretch that is off by some rows shows as a kink, and an untranslated passage as a flat or steep run. Clicking
 * a point selects the nearest link. From the keyboard, the map is a slider over the links: the arrow keys move a
 * cursor from link to link (Page Up and Page Down by a fiftieth of them, Home and End to the ends), Enter goes to
 * the link under the cursor and gives the keys back to the table.
 *
 * The Bank Act has 11.7k links, some 60 to a pixel: consecutive links that fall in the same pixel are drawn as
 * one stroke in the tone most of them have (a sparse red link would otherwise paint the whole line red), and
 * the low-confidence links still to check are marked beside the line as ticks, where their clusters show. It is
 * all one canvas, one path per colour, redrawn only when the links change; the selection and the rows on screen
 * are an SVG overlay on top of it.
 */
import { memo, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { madeByPerson, type EditableLink } from "../../alignments/align/operations";
import { LOW_CONFIDENCE } from "../editor/thresholds";
import { useDrawingAfterPaint } from "./canvas-drawing";

/** Automatic links at or above this are drawn as likely right; between LOW_CONFIDENCE and this, as uncertain. */
export const SURE_CONFIDENCE = 0.8;

export type MapTone = "confirmed" | "sure" | "unsure" | "low";

export const TONES: Record<MapTone, { color: string; label: string }> = {
  confirmed: { color: "#3f8f3a", label: "confirmed" },
  sure: { color: "#1d4f91", label: `automatic, ${Math.round(SURE_CONFIDENCE * 100)}% or more` },
  unsure: { color: "#d08a1e", label: `automatic, ${Math.round(LOW_CONFIDENCE * 100)}–${Math.round(SURE_CONFIDENCE * 100)}%` },
  low: { color: "#c0392b", label: `automatic, under ${Math.round(LOW_CONFIDENCE * 100)}%` },
};

export function toneOf(link: Pick<EditableLink, "status" | "confidence">): MapTone {
  if (link.status === "confirmed") return "confirmed";
  if (link.confidence >= SURE_CONFIDENCE) return "sure";
  return link.confidence >= LOW_CONFIDENCE ? "unsure" : "low";
}

/** Where a link starts and ends on the map, as shares (0..1) of each document. */
export interface Stroke {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The strokes of a list of links. A side with no segment has no place of its own: it sits where the previous
 * link of that side ended, so a 1-0 link is a flat stroke and a 0-1 link a steep one.
 */
export function strokes(links: readonly EditableLink[], sourceCount: number, targetCount: number): Stroke[] {
  const w = Math.max(1, sourceCount);
  const h = Math.max(1, targetCount);
  let en = 0;
  let fr = 0;
  return links.map((link) => {
    const e0 = link.en.length > 0 ? link.en[0] : en;
    const f0 = link.fr.length > 0 ? link.fr[0] : fr;
    en = e0 + link.en.length;
    fr = f0 + link.fr.length;
    return { x0: e0 / w, y0: f0 / h, x1: en / w, y1: fr / h };
  });
}

/** The index of the stroke nearest to (x, y), in the map's own units (squared distance to the stroke); -1 if none. */
export function nearestStroke(list: readonly Stroke[], x: number, y: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let k = 0; k < list.length; k++) {
    const { x0, y0, x1, y1 } = list[k];
    const dx = x1 - x0;
    const dy = y1 - y0;
    const length = dx * dx + dy * dy;
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / length));
    const px = x0 + t * dx - x;
    const py = y0 + t * dy - y;
    const distance = px * px + py * py;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = k;
    }
  }
  return best;
}

/** A run of consecutive links drawn as one stroke, in the tone most of them have. */
export interface Run extends Stroke {
  tone: MapTone;
}

/**
 * Consecutive links whose start falls in the same cell of a `size` × `size` grid, merged into one stroke coloured
 * by the tone most of them have (ties go to the tone that needs a look: low, then uncertain). At one link a cell
 * or fewer, each link is its own run.
 */
export function runs(links: readonly EditableLink[], list: readonly Stroke[], size: number): Run[] {
  const out: Run[] = [];
  const order: MapTone[] = ["low", "unsure", "sure", "confirmed"];
  let k = 0;
  while (k < list.length) {
    const cx = Math.floor(list[k].x0 * size);
    const cy = Math.floor(list[k].y0 * size);
    const counts: Record<MapTone, number> = { low: 0, unsure: 0, sure: 0, confirmed: 0 };
    let end = k;
    while (end < list.length && Math.floor(list[end].x0 * size) === cx && Math.floor(list[end].y0 * size) === cy) counts[toneOf(links[end++])]++;
    const tone = order.reduce((best, t) => (counts[t] > counts[best] ? t : best), order[0]);
    out.push({ x0: list[k].x0, y0: list[k].y0, x1: list[end - 1].x1, y1: list[end - 1].y1, tone });
    k = end;
  }
  return out;
}

/**
 * The first and last link on screen, as the editor's scrolling finds them. Kept outside React's state: the map
 * subscribes, so a scroll re-renders its overlay and not the editor.
 */
export class ScreenStore {
  private span: { first: number; last: number } | null = null;
  private listeners = new Set<() => void>();
  get = () => this.span;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
  set(first: number, last: number) {
    if (first < 0) {
      if (this.span === null) return;
      this.span = null;
    } else {
      if (this.span && this.span.first === first && this.span.last === last) return;
      this.span = { first, last };
    }
    for (const listener of this.listeners) listener();
  }
}

/** Pixels of the map's side (a square: both documents are stretched to it). */
/** The plot's side in CSS pixels; editor-panels.css gives .alignment-map-plot the same (no style attributes, decision 16). */
const SIZE = 200;

interface MapProps {
  links: readonly EditableLink[];
  sourceCount: number;
  targetCount: number;
  /** The selected link's position, or -1. */
  selected: number;
  /** The first and last link on screen (inclusive). */
  screen: ScreenStore;
  onPick: (position: number) => void;
}

/** The link a key moves the map's cursor to, from `cursor` among `count` links; null for a key the map leaves alone. */
export function cursorAfterKey(key: string, cursor: number, count: number): number | null {
  const page = Math.max(10, Math.ceil(count / 50));
  const to = (k: number) => Math.max(0, Math.min(count - 1, k));
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return to(cursor + 1);
    case "ArrowLeft":
    case "ArrowUp":
      return to(cursor - 1);
    case "PageDown":
      return to(cursor + page);
    case "PageUp":
      return to(cursor - page);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

export const AlignmentMap = memo(function AlignmentMap({ links, sourceCount, targetCount, selected, screen, onPick }: MapProps) {
  const onScreen = useSyncExternalStore(screen.subscribe, screen.get, () => null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const list = useMemo(() => strokes(links, sourceCount, targetCount), [links, sourceCount, targetCount]);
  const [hover, setHover] = useState<number>(-1);
  /** The keyboard's cursor while the map has the focus (it starts on the selected link); -1 otherwise. */
  const [cursor, setCursor] = useState<number>(-1);
  const cursorAt = cursor >= 0 ? Math.min(cursor, links.length - 1) : -1;

  useDrawingAfterPaint(
    canvas,
    SIZE,
    SIZE,
    (context) => {
      context.clearRect(0, 0, SIZE, SIZE);
      context.strokeStyle = "#d6d2c8";
      context.setLineDash([3, 3]);
      context.lineWidth = 1;
      context.beginPath();
      context.moveTo(0, 0);
      context.lineTo(SIZE, SIZE);
      context.stroke();
      context.setLineDash([]);
      context.lineWidth = 2;
      context.lineCap = "round";
      const merged = runs(links, list, SIZE);
      for (const tone of ["sure", "confirmed", "unsure", "low"] as const) {
        context.strokeStyle = TONES[tone].color;
        context.beginPath();
        for (const run of merged) {
          if (run.tone !== tone) continue;
          context.moveTo(run.x0 * SIZE, run.y0 * SIZE);
          // A run shorter than a pixel is drawn that long, so that it shows.
          context.lineTo(Math.max(run.x1 * SIZE, run.x0 * SIZE + 0.5), Math.max(run.y1 * SIZE, run.y0 * SIZE + 0.5));
        }
        context.stroke();
      }
      // The links to check, as ticks above and to the right of the line.
      context.strokeStyle = TONES.low.color;
      context.lineWidth = 1;
      context.lineCap = "butt";
      context.beginPath();
      for (let k = 0; k < links.length; k++) {
        if (toneOf(links[k]) !== "low") continue;
        const s = list[k];
        const x = ((s.x0 + s.x1) / 2) * SIZE;
        const y = ((s.y0 + s.y1) / 2) * SIZE;
        context.moveTo(x + 3, y - 3);
        context.lineTo(x + 7, y - 7);
      }
      context.stroke();
    },
    [links, list],
  );

  const pointAt = (event: React.MouseEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return nearestStroke(list, (event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height);
  };

  const mark = selected >= 0 ? list[selected] : undefined;
  const cursorMark = cursorAt >= 0 ? list[cursorAt] : undefined;
  const band = onScreen && list.length > 0 ? { from: list[Math.min(onScreen.first, list.length - 1)], to: list[Math.min(onScreen.last, list.length - 1)] } : null;
  const shown = hover >= 0 ? hover : cursorAt >= 0 ? cursorAt : selected;
  const shownLink = shown >= 0 ? links[shown] : undefined;
  const numbers = (side: number[]) => (side.length === 0 ? "none" : side.length === 1 ? `${side[0] + 1}` : `${side[0] + 1}–${side[side.length - 1] + 1}`);
  const describe = (k: number) => {
    const link = links[k];
    if (!link) return "";
    const state = link.status === "confirmed" ? "confirmed" : madeByPerson(link) ? "made by a person" : `automatic, ${Math.round(link.confidence * 100)}%`;
    return `Link ${k + 1}: English ${numbers(link.en)}, French ${numbers(link.fr)}, ${state}`;
  };
  const current = cursorAt >= 0 ? cursorAt : Math.max(0, selected);

  return (
    <div className="alignment-map" data-testid="alignment-map">
      <div
        className="alignment-map-plot"
        title="Click to go to that link; or focus the map and use the arrow keys, then Enter"
        role="slider"
        tabIndex={links.length > 0 ? 0 : -1}
        aria-label="Alignment map: choose a link"
        aria-describedby="alignment-map-keys"
        aria-orientation="horizontal"
        aria-valuemin={1}
        aria-valuemax={Math.max(1, links.length)}
        aria-valuenow={current + 1}
        aria-valuetext={describe(current)}
        onClick={(event) => {
          const k = pointAt(event);
          if (k < 0) return;
          setCursor((c) => (c >= 0 ? k : c));
          onPick(k);
        }}
        onMouseMove={(event) => setHover(pointAt(event))}
        onMouseLeave={() => setHover(-1)}
        onFocus={() => setCursor(Math.max(0, Math.min(selected, links.length - 1)))}
        onBlur={() => setCursor(-1)}
        onKeyDown={(event) => {
          if (event.altKey || event.ctrlKey || event.metaKey || links.length === 0) return;
          const from = cursorAt >= 0 ? cursorAt : Math.max(0, selected);
          const next = cursorAfterKey(event.key, from, links.length);
          // The keys the map takes are not the editor's as well (its arrows move the selected row).
          if (next !== null) {
            event.preventDefault();
            event.stopPropagation();
            setCursor(next);
          } else if (event.key === "Enter" || event.key === " ") {
            // The page goes to the row, out of the map's sight: the keys are the table's again.
            event.preventDefault();
            event.stopPropagation();
            event.currentTarget.blur();
            onPick(from);
          } else if (event.key === "Escape") {
            event.currentTarget.blur();
          }
        }}
      >
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Map of the ${links.length.toLocaleString("en-US")} links: English position across, French position down; click a point to go to that link`}
        />
        <svg width={SIZE} height={SIZE} aria-hidden="true">
          {band ? (
            <rect
              className="alignment-map-screen"
              x={band.from.x0 * SIZE - 3}
              y={band.from.y0 * SIZE - 3}
              width={Math.max(6, (band.to.x1 - band.from.x0) * SIZE + 6)}
              height={Math.max(6, (band.to.y1 - band.from.y0) * SIZE + 6)}
            />
          ) : null}
          {mark ? <circle className="alignment-map-selected" cx={((mark.x0 + mark.x1) / 2) * SIZE} cy={((mark.y0 + mark.y1) / 2) * SIZE} r={5} /> : null}
          {cursorMark ? (
            <g className="alignment-map-cursor" transform={`translate(${((cursorMark.x0 + cursorMark.x1) / 2) * SIZE} ${((cursorMark.y0 + cursorMark.y1) / 2) * SIZE})`}>
              <circle r={8} />
              <path d="M -13 0 H -9 M 9 0 H 13 M 0 -13 V -9 M 0 9 V 13" />
            </g>
          ) : null}
        </svg>
      </div>
      <p className="alignment-map-caption" data-testid="map-caption">
        {shownLink ? (
          <>
            <strong>Link {shown + 1}</strong>: English {numbers(shownLink.en)} ↔ French {numbers(shownLink.fr)}
          </>
        ) : (
          "English across, French down"
        )}
      </p>
      <ul className="alignment-map-legend">
        {(["confirmed", "sure", "unsure", "low"] as const).map((tone) => (
          <li key={tone}>
            <svg className="alignment-map-swatch" viewBox="0 0 8 3" aria-hidden="true">
              <rect width="8" height="3" rx="0.6" fill={TONES[tone].color} />
            </svg>
            {TONES[tone].label}
            {tone === "low" ? ", also ticked beside the line" : ""}
          </li>
        ))}
      </ul>
      <p className="alignment-map-keys" id="alignment-map-keys">
        <kbd>Tab</kbd> to the map, <kbd>←</kbd> <kbd>→</kbd> link by link, <kbd>PgUp</kbd> <kbd>PgDn</kbd> faster, <kbd>⏎</kbd> go there
      </p>
    </div>
  );
});

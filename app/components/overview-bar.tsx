/**
 * The alignment at a glance beside the rows, always in view: a slim bar, sticky below the editor's bar, whose
 * height stands for every link in order, each line of pixels coloured as the alignment map colours the links it
 * covers (confirmed, likely right, uncertain, low). The rows on screen are a band on it, the selected link a
 * mark; a click goes to the link at that height. The full map, with its keyboard slider, is among the panels
 * above the rows; the table's keys move through the rows as well, so the bar is left out of the keyboard's way.
 *
 * The tones are one canvas, drawn when the links or the bar's height change; the band and the mark are placed
 * through the DOM (no style attributes, decision 16) as the screen store reports the rows on screen, so that
 * scrolling re-renders nothing.
 */
import { memo, useEffect, useRef, useState } from "react";
import type { EditableLink } from "../../alignments/align/operations";
import { toneOf, TONES, type MapTone, type ScreenStore } from "./alignment-map";
import { useDrawingAfterPaint } from "./canvas-drawing";

const TIE_ORDER: readonly MapTone[] = ["low", "unsure", "sure", "confirmed"];

/**
 * The tone of each of `rows` lines of the bar: the tone most of the links it covers have (ties go to the tone
 * that needs a look). With more lines than links, a link spans several lines.
 */
export function toneLines(links: readonly Pick<EditableLink, "status" | "confidence">[], rows: number): MapTone[] {
  const n = links.length;
  const out: MapTone[] = [];
  if (n === 0) return out;
  for (let y = 0; y < rows; y++) {
    const from = Math.min(n - 1, Math.floor((y * n) / rows));
    const to = Math.max(from + 1, Math.floor(((y + 1) * n) / rows));
    const counts: Record<MapTone, number> = { low: 0, unsure: 0, sure: 0, confirmed: 0 };
    for (let k = from; k < to; k++) counts[toneOf(links[k])]++;
    out.push(TIE_ORDER.reduce((best, tone) => (counts[tone] > counts[best] ? tone : best), TIE_ORDER[0]));
  }
  return out;
}

/** The link at a share (0..1) of the bar's height. */
export const linkAtShare = (share: number, count: number) => Math.max(0, Math.min(count - 1, Math.floor(share * count)));

interface OverviewProps {
  links: readonly EditableLink[];
  /** The selected link's position, or -1. */
  selected: number;
  screen: ScreenStore;
  onPick: (position: number) => void;
}

export const OverviewBar = memo(function OverviewBar({ links, selected, screen, onPick }: OverviewProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const band = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const count = links.length;

  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setSize({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useDrawingAfterPaint(
    canvas,
    size.width,
    size.height,
    (context) => {
      const lines = toneLines(links, Math.round(size.height));
      for (let y = 0; y < lines.length; y++) {
        context.fillStyle = TONES[lines[y]].color;
        context.fillRect(0, y, size.width, 1);
      }
    },
    [links],
  );

  // The rows on screen as a band, placed as the screen store reports them.
  useEffect(() => {
    const place = () => {
      const element = band.current;
      const span = screen.get();
      if (!element) return;
      element.hidden = span === null || count === 0;
      if (!span || count === 0) return;
      element.style.top = `${(span.first / count) * 100}%`;
      element.style.height = `${((span.last + 1 - span.first) / count) * 100}%`;
    };
    place();
    return screen.subscribe(place);
  }, [screen, count]);

  useEffect(() => {
    const element = mark.current;
    if (!element) return;
    element.hidden = selected < 0 || count === 0;
    element.style.top = `${((selected + 0.5) / Math.max(1, count)) * 100}%`;
  }, [selected, count]);

  return (
    <div
      ref={box}
      className="overview-bar"
      data-testid="overview-bar"
      aria-hidden="true"
      title="The whole alignment, top to bottom: click to go there"
      onClick={(event) => {
        if (count === 0) return;
        const rect = event.currentTarget.getBoundingClientRect();
        onPick(linkAtShare((event.clientY - rect.top) / rect.height, count));
      }}
    >
      <canvas ref={canvas} />
      <div ref={band} className="overview-bar-screen" hidden />
      <div ref={mark} className="overview-bar-selected" hidden />
    </div>
  );
});

/**
 * A guard against layout loops in the windowed rows. Each range update re-renders the rows, which runs the range's
 * layout effect again in the same commit; a layout that keeps changing what it measures (a column's width, a row's
 * height) would go round until React gives up with "Maximum update depth exceeded" (error #185, at 50 nested
 * updates). A fresh clone's test run once failed that way in "realign the rest". After a few passes in one frame,
 * the next pass waits for the following frame: the page may be a frame late, but it does not break.
 */

/** Range updates allowed in one frame before the next waits for the following frame (React stops at 50 nested updates). */
export const MAX_SYNC_PASSES = 8;

export interface RangePass {
  /** The passes counted in this frame, this one included. */
  passesThisFrame: number;
  /** This pass runs now; otherwise it runs at the next frame. */
  runNow: boolean;
  /** This is the frame's first pass: the count starts again from 0 at the next frame. */
  resetNextFrame: boolean;
}

/** What the range pass that comes after `passesSoFar` others in the same frame does. */
export function rangePass(passesSoFar: number, limit: number = MAX_SYNC_PASSES): RangePass {
  const passesThisFrame = passesSoFar + 1;
  return { passesThisFrame, runNow: passesThisFrame <= limit, resetNextFrame: passesSoFar === 0 };
}

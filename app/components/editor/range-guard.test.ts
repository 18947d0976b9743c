import { describe, expect, it } from "vitest";
import { MAX_SYNC_PASSES, rangePass } from "./range-guard";

/** React's limit on nested updates in one commit ("Maximum update depth exceeded", error #185). */
const REACT_NESTED_UPDATE_LIMIT = 50;

/**
 * Plays the windowed rows' loop as React runs it: each range pass that runs now sets a new range, which re-renders
 * and runs the next pass in the same commit, until the layout settles (`passesToSettle` passes changed the range) or
 * React gives up. Passes put off run one per later frame. Returns the most passes seen in one frame, and whether
 * React would have thrown.
 */
function playLayoutLoop(passesToSettle: number, frames: number, limit: number) {
  let changing = passesToSettle;
  let count = 0;
  let mostInOneFrame = 0;
  let thrown = false;
  let nextFrame: Array<() => void> = [];
  const pass = (): void => {
    const decision = rangePass(count, limit);
    count = decision.passesThisFrame;
    if (decision.resetNextFrame) nextFrame.push(() => (count = 0));
    if (!decision.runNow) {
      nextFrame.push(pass);
      return;
    }
    mostInOneFrame = Math.max(mostInOneFrame, count);
    if (count >= REACT_NESTED_UPDATE_LIMIT) {
      thrown = true;
      return;
    }
    if (changing-- > 0) pass(); // the range changed: React renders and runs the pass again, in this commit
  };
  pass();
  for (let f = 0; f < frames && !thrown; f++) {
    const callbacks = nextFrame;
    nextFrame = [];
    for (const callback of callbacks) callback();
  }
  return { mostInOneFrame, thrown };
}

describe("rangePass", () => {
  const cases: Array<[string, number, { passesThisFrame: number; runNow: boolean; resetNextFrame: boolean }]> = [
    ["the frame's first pass runs now and starts the count again at the next frame", 0, { passesThisFrame: 1, runNow: true, resetNextFrame: true }],
    ["a second pass runs now", 1, { passesThisFrame: 2, runNow: true, resetNextFrame: false }],
    ["the last pass allowed in one frame runs now", MAX_SYNC_PASSES - 1, { passesThisFrame: MAX_SYNC_PASSES, runNow: true, resetNextFrame: false }],
    ["one pass more waits for the next frame", MAX_SYNC_PASSES, { passesThisFrame: MAX_SYNC_PASSES + 1, runNow: false, resetNextFrame: false }],
    ["and so does any later one", 40, { passesThisFrame: 41, runNow: false, resetNextFrame: false }],
  ];
  it.each(cases)("%s", (_, passesSoFar, expected) => {
    expect(rangePass(passesSoFar)).toEqual(expected);
  });

  it("allows far fewer passes in one frame than React's limit", () => {
    expect(MAX_SYNC_PASSES).toBeLessThan(REACT_NESTED_UPDATE_LIMIT / 4);
  });
});

describe("the windowed rows' loop with the guard", () => {
  const loops: Array<[string, number, { mostInOneFrame: number; thrown: boolean }]> = [
    ["a layout that settles at once runs one pass", 0, { mostInOneFrame: 1, thrown: false }],
    ["a layout that settles after 3 changes runs them all in the frame", 3, { mostInOneFrame: 4, thrown: false }],
    ["a layout that keeps changing is spread over frames, never reaching React's limit", 1_000, { mostInOneFrame: MAX_SYNC_PASSES, thrown: false }],
  ];
  it.each(loops)("%s", (_, passesToSettle, expected) => {
    expect(playLayoutLoop(passesToSettle, 200, MAX_SYNC_PASSES)).toEqual(expected);
  });
});

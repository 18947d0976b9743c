import { describe, expect, it } from "vitest";
import { BUSY_RETRY_PAUSES_MS, busyRetryPause } from "./busy-retry";

describe("the editor's answer to a busy server", () => {
  const busy = { ok: false, busy: true };

  it("tries again after each pause in turn, then gives up (the page shows Not saved)", () => {
    const pauses = [0, 1, 2, 3, 4].map((tries) => busyRetryPause(busy, tries));
    expect(pauses).toEqual([...BUSY_RETRY_PAUSES_MS, null]);
  });

  it("does not try again after a refusal, a conflict or a saved change", () => {
    expect(busyRetryPause({ ok: false }, 0)).toBeNull();
    expect(busyRetryPause({ ok: false, busy: false }, 0)).toBeNull();
    expect(busyRetryPause({ ok: true }, 0)).toBeNull();
    expect(busyRetryPause(undefined, 0)).toBeNull();
  });
});

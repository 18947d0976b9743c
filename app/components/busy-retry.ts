import { useCallback, useEffect, useMemo, useRef, useState } from "react";

/**
 * The editor's answer to a 503 "Tandem is busy with another change" (decision 18): the server already waited a few
 * seconds for the database, so the page waits too and sends the same change again, after each pause here in turn,
 * before it shows "Not saved". Nothing was written by a busy answer, so sending the change again is safe.
 */
export const BUSY_RETRY_PAUSES_MS = [500, 1_000, 2_000, 4_000] as const;

/** The pause before the next try after a busy answer, or null: not busy, or no try left (the page then says why). */
export function busyRetryPause(answer: { ok: boolean; busy?: boolean } | null | undefined, triesSoFar: number): number | null {
  if (!answer || answer.ok || answer.busy !== true) return null;
  return BUSY_RETRY_PAUSES_MS[triesSoFar] ?? null;
}

/**
 * For a queue that sends one change at a time: `retry(answer)` is true when the answer was busy and another try is
 * due (the queue keeps the change and sends nothing while `waiting`); `succeeded()` starts the count again.
 */
export function useBusyRetry(): { waiting: boolean; retry: (answer: { ok: boolean; busy?: boolean } | undefined) => boolean; succeeded: () => void } {
  const [waiting, setWaiting] = useState(false);
  const tries = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const retry = useCallback((answer: { ok: boolean; busy?: boolean } | undefined) => {
    const pause = busyRetryPause(answer, tries.current);
    if (pause === null) {
      tries.current = 0;
      return false;
    }
    tries.current += 1;
    setWaiting(true);
    timer.current = setTimeout(() => {
      timer.current = null;
      setWaiting(false);
    }, pause);
    return true;
  }, []);
  const succeeded = useCallback(() => {
    tries.current = 0;
  }, []);
  // The same object until `waiting` changes: the queue's effect lists it among its dependencies.
  return useMemo(() => ({ waiting, retry, succeeded }), [waiting, retry, succeeded]);
}

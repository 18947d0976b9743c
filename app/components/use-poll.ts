import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** While `active`, reloads the page's data every `interval` ms (not while a reload is under way or the tab is hidden). */
export function usePoll(active: boolean, interval = 1000): void {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (latest.current.state === "idle" && document.visibilityState === "visible") latest.current.revalidate();
    }, interval);
    return () => window.clearInterval(timer);
  }, [active, interval]);
}

import { useEffect, useLayoutEffect } from "react";

/** A layout effect in the browser; on the server (which has no layout) a plain effect, so that React does not warn. */
export const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * Whether the pair page's panels above the rows (the pair's details, export, summary, shortcuts, history, map)
 * are hidden: the reviewer's choice, kept in a cookie so that the server's page already has it (no jump after
 * the page loads, when the editor has measured its rows).
 */
export const PANELS_COOKIE = "tandem_panels";

/** True when the Cookie header says the panels are hidden. */
export function panelsHiddenIn(cookieHeader: string | null): boolean {
  return new RegExp(`(?:^|;\\s*)${PANELS_COOKIE}=hidden(?:;|$)`).test(cookieHeader ?? "");
}

/** Remembers the choice in this browser (a year, as the reviewer's name). */
export function savePanelsHidden(hidden: boolean) {
  document.cookie = `${PANELS_COOKIE}=${hidden ? "hidden" : "shown"}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

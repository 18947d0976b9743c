import { USER_COOKIE } from "../editor/edits";

/** The name the person gave (the editor keeps it in a cookie); "" when none. */
export function userFromCookie(request: Request): string {
  const cookie = request.headers.get("Cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${USER_COOKIE}=([^;]*)`).exec(cookie);
  if (!match) return "";
  try {
    return decodeURIComponent(match[1]).slice(0, 200);
  } catch {
    return "";
  }
}

/** A Set-Cookie value keeping the name given in a form, as the editor keeps it. */
export function userCookie(name: string): string {
  return `${USER_COOKIE}=${encodeURIComponent(name)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

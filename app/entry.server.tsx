/**
 * Remix's default Node entry (renderToPipeableStream, bots wait for the whole page; in renderDocument, whose deadline is
 * cleared once the page is rendered), with the page's CSP nonce
 * (server/app-server.mjs makes one per response and sends it in the load context) given to React and to
 * Remix's inline scripts. Also exports the body limits the production server applies before Remix reads a body.
 */
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { BUSY_MESSAGE, isBusyError } from "./models/busy.server";
import { MAX_ORIGINAL_BYTES } from "./utils/limits";
import { NonceContext } from "./utils/nonce";
import { renderDocument } from "./utils/render-document.server";

const ABORT_DELAY = 5_000;

/**
 * Read by server/index.mjs: a form or an edit is far under 1 MB; an upload is at most the largest file a form
 * takes (an original, 50 MB) and its few fields. Each upload form still applies its own file limit.
 */
export const bodyLimits = { form: 1024 * 1024, upload: MAX_ORIGINAL_BYTES + 1024 * 1024 };

/** Called by server/index.mjs before it listens: the database's lease (decision 18). */
export { startServing } from "./models/serving.server";

/**
 * A write that found the database locked for its whole deadline (app/models/busy.server.ts) is not a failure of
 * Tandem: the request is marked in its load context, and server/app-server.mjs answers 503 "busy, try again"
 * instead of Remix's 500. Every other error is logged as Remix does by default.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (isBusyError(error)) {
    (context as { databaseBusy?: string }).databaseBusy = BUSY_MESSAGE;
    return;
  }
  if (!request.signal.aborted) console.error(error);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext?.cspNonce === "string" ? loadContext.cspNonce : "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return renderDocument(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce || undefined} />
    </NonceContext.Provider>,
    {
      status: responseStatusCode,
      headers: responseHeaders,
      waitForAll,
      nonce,
      abortAfterMs: ABORT_DELAY,
      // Errors in the shell reject and are logged by Remix; these come while streaming.
      onStreamError: (error) => console.error(error),
    },
  );
}

/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// A module (export {}), so that the block below adds to Remix's types instead of replacing them.
export {};

declare module "@remix-run/node" {
  /** What server/app-server.mjs gives the application with each request. */
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce ("" when no production server made one, as in `remix dev`). */
    cspNonce?: string;
  }
}

// The parts of express 4 and compression 1 that app-server.mjs uses (neither ships its own types, and
// @types/express would be a dependency for a handful of lines).
declare module "express" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  type Handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  interface Application {
    (req: IncomingMessage, res: ServerResponse): void;
    disable(setting: string): Application;
    use(handler: Handler): Application;
    use(path: string, handler: Handler): Application;
  }
  interface StaticOptions {
    immutable?: boolean;
    maxAge?: string | number;
  }
  interface Express {
    (): Application;
    static(root: string, options?: StaticOptions): Handler;
  }
  const express: Express;
  export default express;
}

declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  type Filter = (req: IncomingMessage, res: ServerResponse) => boolean;
  interface Options {
    filter?: Filter;
    brotli?: { params?: Record<number, number> };
  }
  interface Compression {
    (options?: Options): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
    /** The default filter: a compressible type, and no Cache-Control: no-transform. */
    filter: Filter;
  }
  const compression: Compression;
  export default compression;
}

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // The pure core lives outside app/; Remix compiles it in from there.
  watchPaths: ["./alignments", "./db"],
};

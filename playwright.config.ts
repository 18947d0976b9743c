import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.TANDEM_TEST_PORT ?? 3100);
/** Each run starts from a fresh database file (deleted by the web server command below). */
const DATABASE_PATH = "tests/.artifacts/browser.sqlite";

export default defineConfig({
  testDir: "tests/browser",
  outputDir: "tests/.artifacts/test-results",
  fullyParallel: false,
  workers: 1,
  // One retry: a test that passes only on its second try is listed as "flaky" in the log, with what its pages
  // showed the first time (tests/browser/fixtures.ts), so a rare race is seen and studied without blocking CI.
  // A test that fails twice fails the run.
  retries: 1,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: `mkdir -p tests/.artifacts && rm -f ${DATABASE_PATH} ${DATABASE_PATH}-wal ${DATABASE_PATH}-shm && npm run build && npm run setup && npm run serve`,
    url: `http://127.0.0.1:${PORT}/`,
    // URL imports fetch from servers the tests start on 127.0.0.1, which only a server with this setting reaches.
    env: { DATABASE_PATH, PORT: String(PORT), HOST: "127.0.0.1", TANDEM_ALLOW_PRIVATE_URLS: "1" },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});

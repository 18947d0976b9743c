/**
 * `npm run bench:editor`: the alignment editor on the Canada Bank Act pair (~11.4k links), in Debian's Chromium
 * against a production build. Prints figures, it asserts nothing:
 *   - the model: applyEdit on the stored pair (status change, merge/split near the top, undo);
 *   - time to the first rows of the pair page (first load and warm loads), and until every text has arrived;
 *   - scroll smoothness: frame intervals while the page scrolls 100 px a frame through ~600 frames, and a jump;
 *   - edit round trips: click → row shown changed (the editor applies it at once) → saved (the server's answer);
 *     the same for the segment operations (split at the caret, merge with the next, a corrected text) and their undo.
 *
 * Options: --runs N (page loads, default 5), --port P (default 3400), --no-build, --keep (keep the database).
 * The pair is created in a fresh database through the import and pair models (scripts/bank-pair.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { applyEdit } from "../app/models/editor.server";
import { getEditor } from "../app/models/editor-read.server";
import type { EditOperation } from "../app/editor/edits";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "../db/client.server";
import { pairs, segments } from "../db/schema";
import { ensureBankPair } from "./bank-pair";
import { median, quantile } from "./stats";
import { flag, option } from "./options";

const RUNS = Number(option("--runs", "5"));
const PORT = Number(option("--port", "3400"));
const ROOT = path.resolve(import.meta.dirname, "..");
const ARTIFACTS = path.join(ROOT, "tests/.artifacts");

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const line = (label: string, value: string) => console.log(`  ${label.padEnd(48)} ${value}`);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "tandem-bench-editor-"));
  const file = path.join(dir, "bench.sqlite");
  let server: ReturnType<typeof spawn> | null = null;
  try {
    // ---------------------------------------------------------------------------------------------
    console.log("Creating the Bank Act pair (import, align on this thread)…");
    const db = openDatabase(file);
    const pairId = ensureBankPair(db, (l) => console.log(`  ${l}`));
    const links = getEditor(pairId, db)!.links.length;
    console.log(`\nModel (applyEdit in one transaction, ${links.toLocaleString("en-US")} links; median of 5):`);
    const timeEdit = (label: string, op: EditOperation, undo: boolean) => {
      const times: number[] = [];
      const undos: number[] = [];
      for (let i = 0; i < 5; i++) {
        let version = getEditor(pairId, db)!.version;
        let t = performance.now();
        version = applyEdit({ pairId, version, operation: op, user: "bench" }, db).version;
        times.push(performance.now() - t);
        if (undo) {
          t = performance.now();
          applyEdit({ pairId, version, operation: { name: "undo" }, user: "bench" }, db);
          undos.push(performance.now() - t);
        }
      }
      line(label, `${ms(median(times))}${undo ? `   (its undo ${ms(median(undos))})` : ""}`);
    };
    timeEdit("confirm link 5,000", { name: "confirm", link: 4999 }, true);
    timeEdit("merge links 10 and 11 (11k positions move)", { name: "merge", link: 9 }, true);
    timeEdit("split link 10 (11k positions move)", { name: "split", link: 9, sourceCount: 1, targetCount: 0 }, true);
    timeEdit("merge links 11,000 and 11,001", { name: "merge", link: 10_999 }, true);
    timeEdit("confirm links 1–2,000 (one change)", { name: "confirm-through", link: 1999 }, true);
    // Segment operations renumber the document's later segments and move every later link of the pair.
    const enDocument = db.select({ en: pairs.sourceDocumentId }).from(pairs).where(eq(pairs.id, pairId)).get()!.en;
    const segmentText = (position: number) =>
      db.select({ text: segments.text }).from(segments).where(and(eq(segments.documentId, enDocument), eq(segments.position, position))).get()!.text;
    const middle = (text: string) => Math.max(1, text.indexOf(" ", Math.floor(text.length / 2)));
    timeEdit("split English segment 11 at the caret (11k move)", { name: "split-segment", side: "en", segment: 10, caret: middle(segmentText(10)) }, true);
    timeEdit("merge English segments 11 and 12 (11k move)", { name: "merge-segments", side: "en", segment: 10 }, true);
    timeEdit("correct the text of English segment 11", { name: "edit-segment", side: "en", segment: 10, text: `${segmentText(10)} (corrected)` }, true);
    timeEdit("split English segment 11,000 at the caret", { name: "split-segment", side: "en", segment: 10_999, caret: middle(segmentText(10_999)) }, true);
    db.$client.close();

    // ---------------------------------------------------------------------------------------------
    if (!flag("--no-build")) {
      const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
      if (build.status !== 0) throw new Error("npm run build failed");
    }
    server = spawn(process.execPath, [path.join(ROOT, "server/index.mjs"), "./build/index.js"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: file, PORT: String(PORT), HOST: "127.0.0.1", NODE_ENV: "production" },
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/`)).ok) break;
      } catch {
        // not yet
      }
      if (i > 100) throw new Error("the server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = `${base}/pairs/${pairId}`;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: "tandem_user", value: "bench", url: base }]);
    // From the start of each document: when the first row enters the page and the frame after it (painted), the
    // largest contentful paint; and esbuild's __name helper, which tsx leaves in functions handed to evaluate().
    await context.addInitScript(`
      window.__name = (f) => f;
      window.__bench = { rowDom: NaN, rowFrame: NaN, lcp: NaN };
      new MutationObserver((_, observer) => {
        if (!document.querySelector("tr.link-row")) return;
        observer.disconnect();
        window.__bench.rowDom = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => (window.__bench.rowFrame = performance.now())));
      }).observe(document, { childList: true, subtree: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__bench.lcp = entry.startTime;
      }).observe({ type: "largest-contentful-paint", buffered: true });
    `);
    const cold = performance.now();
    await fetch(url, { headers: { cookie: "tandem_user=bench" } }).then((r) => r.text());
    const coldMs = performance.now() - cold;
    for (let i = 0; i < 3; i++) await fetch(url, { headers: { cookie: "tandem_user=bench" } }).then((r) => r.text());
    const warmStart = performance.now();
    const html = await fetch(url, { headers: { cookie: "tandem_user=bench" } }).then((r) => r.text());
    const warmMs = performance.now() - warmStart;

    // ---------------------------------------------------------------------------------------------
    console.log(`\nPage load, ${url} (Chromium ${browser.version()}, 1280×900; times from navigation start):`);
    line("server: the page's HTML (cold start / warm)", `${ms(coldMs)} / ${ms(warmMs)}, ${Math.round(html.length / 1024)} kB (links of the whole pair, texts of the first rows)`);
    const loads: Array<{ html: number; fcp: number; rowDom: number; rowFrame: number; lcp: number; hydrated: number; texts: number }> = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "commit" });
      await page.locator("table.alignment[data-texts=complete]").waitFor();
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
        const texts = performance.getEntriesByType("resource").find((r) => r.name.endsWith("/texts")) as PerformanceResourceTiming | undefined;
        const bench = (window as unknown as { __bench: { rowDom: number; rowFrame: number; lcp: number } }).__bench;
        return { html: nav.responseEnd, fcp, ...bench, hydrated: texts?.startTime ?? Number.NaN, texts: texts?.responseEnd ?? Number.NaN };
      });
      loads.push(timing);
      if (run === 0) await page.screenshot({ path: path.join(ARTIFACTS, "editor-bank.png") });
      await page.close();
    }
    const warm = loads.slice(1);
    const show = (label: string, pick: (l: (typeof loads)[number]) => number) =>
      line(label, `first ${ms(pick(loads[0]))}; then median ${ms(median(warm.map(pick)))} (${warm.map((l) => Math.round(pick(l))).join(", ")})`);
    show("HTML received (responseEnd)", (l) => l.html);
    show("first row in the page (server-rendered)", (l) => l.rowDom);
    show("first contentful paint", (l) => l.fcp);
    show("first rows painted (two frames after)", (l) => l.rowFrame);
    show("largest contentful paint", (l) => l.lcp);
    show("hydrated (asks for the other texts)", (l) => l.hydrated);
    show("every text received (3 MB of JSON)", (l) => l.texts);

    // ---------------------------------------------------------------------------------------------
    console.log("\nScrolling (100 px a frame, 600 frames, from the top; window scroll, rows windowed):");
    const page = await context.newPage();
    await page.goto(url);
    await page.locator("table.alignment[data-texts=complete]").waitFor();
    const scroll = await page.evaluate(async () => {
      const gaps: number[] = [];
      let maxRows = 0;
      let long = 0;
      const observer = new PerformanceObserver((list) => (long += list.getEntries().length));
      try {
        observer.observe({ type: "longtask", buffered: false });
      } catch {
        // not supported
      }
      await new Promise((r) => requestAnimationFrame(r));
      let last = performance.now();
      for (let i = 0; i < 600; i++) {
        window.scrollBy(0, 100);
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, document.querySelectorAll("tr.link-row").length);
      }
      observer.disconnect();
      const first = document.querySelector<HTMLElement>("tr.link-row")?.dataset.position;
      return { gaps, maxRows, long, y: window.scrollY, first: Number(first) + 1 };
    });
    line("frame interval median / p95 / p99 / max", `${ms(median(scroll.gaps))} / ${ms(quantile(scroll.gaps, 0.95))} / ${ms(quantile(scroll.gaps, 0.99))} / ${ms(Math.max(...scroll.gaps))}`);
    line("frames over 33 ms (dropped)", `${scroll.gaps.filter((g) => g > 33.4).length} of ${scroll.gaps.length}; long tasks ${scroll.long}`);
    line("distance; rows in the page at most", `${Math.round(scroll.y).toLocaleString("en-US")} px (down to about link ${scroll.first}); ${scroll.maxRows}`);
    const jump = await page.evaluate(async () => {
      const started = performance.now();
      window.scrollTo(0, document.documentElement.scrollHeight / 2);
      let frames = 0;
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        frames++;
        const rows = [...document.querySelectorAll<HTMLElement>("tr.link-row")];
        const onScreen = rows.some((r) => {
          const b = r.getBoundingClientRect();
          return b.bottom > 0 && b.top < window.innerHeight;
        });
        if (onScreen) break;
      }
      return { ms: performance.now() - started, frames, first: document.querySelector<HTMLElement>("tr.link-row")?.dataset.position };
    });
    line("jump to the middle: rows on screen after", `${ms(jump.ms)} (${jump.frames} frame${jump.frames === 1 ? "" : "s"}, near link ${Number(jump.first) + 1})`);
    await page.screenshot({ path: path.join(ARTIFACTS, "editor-bank-middle.png") });

    // ---------------------------------------------------------------------------------------------
    console.log("\nEdit round trips (click or key → shown → saved), median of 10:");
    const roundTrip = async (p: Page, position: number, act: "click" | string) =>
      p.evaluate(
        async ({ position, act }) => {
          const table = document.querySelector<HTMLElement>("table.alignment")!;
          const before = table.dataset.version;
          const rowOf = () => document.querySelector<HTMLElement>(`tr.link-row[data-position="${position}"]`);
          const signature = () => {
            const row = rowOf();
            return row ? `${row.dataset.review}|${row.dataset.type}` : "";
          };
          const was = signature();
          const started = performance.now();
          if (act === "click") rowOf()!.querySelector<HTMLButtonElement>(".confirm-toggle")!.click();
          else document.body.dispatchEvent(new KeyboardEvent("keydown", { key: act.replace("Control+", ""), ctrlKey: act.startsWith("Control+"), bubbles: true }));
          let shown = Number.NaN;
          let saved = Number.NaN;
          for (let i = 0; i < 600 && Number.isNaN(saved); i++) {
            await new Promise((r) => requestAnimationFrame(r));
            if (Number.isNaN(shown) && signature() !== was) shown = performance.now() - started;
            const state = document.querySelector("[data-testid=save-state]")?.textContent;
            if (table.dataset.version !== before && state === "All changes saved") saved = performance.now() - started;
          }
          return { shown, saved };
        },
        { position, act },
      );
    await page.goto(`${url}#link-5600`);
    await page.locator('tr.link-row[data-position="5599"]').waitFor();
    const clicks: Array<{ shown: number; saved: number }> = [];
    for (let i = 0; i < 10; i++) clicks.push(await roundTrip(page, 5599, "click"));
    line("confirm / unconfirm link 5,600 (click)", `shown ${ms(median(clicks.map((c) => c.shown)))}, saved ${ms(median(clicks.map((c) => c.saved)))}`);
    const merges: Array<{ shown: number; saved: number }> = [];
    const undos: Array<{ shown: number; saved: number }> = [];
    for (let i = 0; i < 10; i++) {
      merges.push(await roundTrip(page, 5599, "m"));
      undos.push(await roundTrip(page, 5599, "Control+z"));
    }
    line("merge link 5,600 with the next (key m)", `shown ${ms(median(merges.map((c) => c.shown)))}, saved ${ms(median(merges.map((c) => c.saved)))}`);
    line("undo it (Ctrl+Z; shown when the server answers)", `shown ${ms(median(undos.map((c) => c.shown)))}, saved ${ms(median(undos.map((c) => c.saved)))}`);

    // Segment operations from the text box of link 5,600's English segment: the key that makes the change → the rows
    // shown changed → saved; then Ctrl+Z, which waits for the server. The box is opened and the caret set before timing.
    const segmentTrip = async (p: Page, position: number, key: { key: string; shiftKey?: boolean; ctrlKey?: boolean }, inText: boolean) =>
      p.evaluate(
        async ({ position, key, inText }) => {
          const table = document.querySelector<HTMLElement>("table.alignment")!;
          const before = table.dataset.version;
          const rows = () =>
            [position, position + 1].map((k) => document.querySelector<HTMLElement>(`tr.link-row[data-position="${k}"]`)?.innerText ?? "").join("|");
          const was = rows();
          const target = inText ? document.querySelector<HTMLTextAreaElement>(".seg-editor textarea")! : document.body;
          const started = performance.now();
          target.dispatchEvent(new KeyboardEvent("keydown", { ...key, bubbles: true, cancelable: true }));
          let shown = Number.NaN;
          let saved = Number.NaN;
          for (let i = 0; i < 600 && Number.isNaN(saved); i++) {
            await new Promise((r) => requestAnimationFrame(r));
            if (Number.isNaN(shown) && rows() !== was) shown = performance.now() - started;
            const state = document.querySelector("[data-testid=save-state]")?.textContent;
            if (table.dataset.version !== before && state === "All changes saved") saved = performance.now() - started;
          }
          return { shown, saved };
        },
        { position, key, inText },
      );
    const openText = async (p: Page, position: number, caretAtMiddle: boolean, append = "") => {
      await p.locator(`tr.link-row[data-position="${position}"] td.link-num`).click();
      await p.keyboard.press("e");
      const area = p.locator(".seg-editor textarea");
      await area.waitFor();
      if (append) await area.fill(`${await area.inputValue()}${append}`);
      if (caretAtMiddle) await area.evaluate((a: HTMLTextAreaElement) => a.setSelectionRange(a.value.indexOf(" ", a.value.length / 2), a.value.indexOf(" ", a.value.length / 2)));
    };
    const segmentOps: Array<{ label: string; key: { key: string; shiftKey?: boolean; ctrlKey?: boolean }; caret: boolean; append: string }> = [
      { label: "split a segment at the caret (⇧⏎; 11k links move)", key: { key: "Enter", shiftKey: true }, caret: true, append: "" },
      { label: "merge a segment with the next (Ctrl+M)", key: { key: "m", ctrlKey: true }, caret: false, append: "" },
      { label: "correct a segment's text (⏎)", key: { key: "Enter" }, caret: false, append: " (corrected)" },
    ];
    for (const op of segmentOps) {
      const done: Array<{ shown: number; saved: number }> = [];
      const undone: Array<{ shown: number; saved: number }> = [];
      for (let i = 0; i < 10; i++) {
        await openText(page, 5599, op.caret, op.append);
        done.push(await segmentTrip(page, 5599, op.key, true));
        undone.push(await segmentTrip(page, 5599, { key: "z", ctrlKey: true }, false));
      }
      line(op.label, `shown ${ms(median(done.map((c) => c.shown)))}, saved ${ms(median(done.map((c) => c.saved)))}`);
      line("  and its undo (Ctrl+Z)", `shown ${ms(median(undone.map((c) => c.shown)))}, saved ${ms(median(undone.map((c) => c.saved)))}`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "editor-bank-edit.png") });
    await browser.close();
    console.log(`\nScreenshots: ${path.relative(ROOT, path.join(ARTIFACTS, "editor-bank.png"))}, editor-bank-middle.png, editor-bank-edit.png`);
  } finally {
    if (server?.pid) server.kill();
    if (flag("--keep")) console.log(`database kept: ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(ARTIFACTS, { recursive: true });
await main();

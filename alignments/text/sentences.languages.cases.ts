import type { TextLanguage } from "../languages";
import type { SentenceCase } from "./sentences.cases";

/**
 * Tricky sentence boundaries in the languages beyond French and English (issue 14), written for Tandem, one list per
 * language. Each case is the sentences it must give; its text is those sentences joined as the language writes them
 * (a space, or nothing in Chinese and Japanese). The unit tests and `npm run bench:segment` both use them.
 */

type Case = [name: string, sentences: string[]];

function casesOf(language: TextLanguage, cases: Case[]): SentenceCase[] {
  const joiner = language === "ja" || language.startsWith("zh") ? "" : " ";
  return cases.map(([name, sentences]) => ({ name, language, text: sentences.join(joiner), sentences }));
}

const SPANISH = casesOf("es", [
  ["plain sentences", ["El tratado fue adoptado.", "Entra en vigor mañana."]],
  ["¿ opens a question", ["La sesión terminó tarde.", "¿Quién votó en contra?", "Nadie lo sabe."]],
  ["¡ opens an exclamation", ["¡Qué victoria!", "El texto fue aprobado por consenso."]],
  ["a question continued in lower case", ["¿Hace falta un tratado? preguntó el delegado."]],
  ["Sr. and Sra. before names", ["El Sr. García y la Sra. López tomaron la palabra.", "La sesión se levantó."]],
  ["EE. UU. inside a sentence", ["Los EE. UU. firmaron el acuerdo en Ginebra.", "Otros países se abstuvieron."]],
  ["p. ej. before a capital", ["Algunas herramientas, p. ej. El Redactor de solicitudes, ya existen."]],
  ["pág. before a number", ["Véase la pág. 12 del informe.", "Es público."]],
  ["núm. before a number", ["La resolución núm. 74/247 crea la red.", "Los Estados participan."]],
  ["guillemets with two sentences inside", ["Dijo: «Hemos ganado. Gracias a todos.»", "Luego se marchó."]],
  ["Dña. opens the paragraph", ["Dña. Carmen Ruiz presidió la reunión.", "Se aprobó el acta."]],
  ["ordinals 1.º and 2.º", ["El artículo 1.º establece el principio.", "El 2.º lo desarrolla."]],
]);

const GERMAN = casesOf("de", [
  ["plain sentences", ["Der Vertrag wurde angenommen.", "Er tritt morgen in Kraft."]],
  ["z. B. before a noun", ["Einige Staaten, z. B. Deutschland und Frankreich, stimmten zu.", "Andere enthielten sich."]],
  ["d. h. before a noun", ["Die Frist ist abgelaufen, d. h. Anträge werden nicht mehr angenommen."]],
  ["u. a. before a noun", ["Daran nahmen u. a. Vertreter der Zivilgesellschaft teil.", "Die Presse war auch da."]],
  ["an ordinal date", ["Die Sitzung fand am 3. Oktober in Genf statt.", "Sie dauerte zwei Tage."]],
  ["an ordinal century", ["Im 19. Jahrhundert entstanden die ersten Verträge.", "Viele gelten noch."]],
  ["a year ends the sentence", ["Das Abkommen stammt aus dem Jahr 1990.", "Es wurde mehrfach geändert."]],
  ["Nr. before a number", ["Siehe Resolution Nr. 74/247 der Generalversammlung.", "Sie wurde angenommen."]],
  ["Art. and Abs. before numbers", ["Nach Art. 5 Abs. 2 wird der Antrag abgelehnt.", "Dann gilt Art. 6."]],
  ["„…“ with two sentences inside", ["Sie sagte: „Wir haben gewonnen. Danke an alle.“", "Dann ging sie."]],
  ["»…« closes the sentence", ["Er nannte es »eine Katastrophe für die Menschenrechte.«", "Andere widersprachen."]],
  ["Prof. Dr. before a name", ["Prof. Dr. Müller eröffnete die Sitzung.", "Es folgten Berichte."]],
  ["Mio. before a noun", ["Die Kosten betragen 5 Mio. Euro pro Jahr.", "Das ist viel."]],
]);

const ITALIAN = casesOf("it", [
  ["plain sentences", ["Il trattato è stato adottato.", "Entra in vigore domani."]],
  ["Sig. and Dott. before names", ["Il Sig. Rossi ha incontrato il Dott. Bianchi a Roma.", "Hanno trovato un accordo."]],
  ["dell'art. before a number", ["Ai sensi dell'art. 12 della Convenzione la domanda è respinta.", "Si applica il paragrafo 3."]],
  ["per es. before a capital", ["Alcuni strumenti, per es. La guida pratica, esistono già."]],
  ["Cfr. before a capital", ["Cfr. Il rapporto annuale, pagina 4."]],
  ["a question", ["È necessario un trattato?", "Molti lo pensano."]],
  ["an exclamation continued in lower case", ["Che vittoria! disse la presidente."]],
  ["guillemets with two sentences inside", ["Ha dichiarato: «Abbiamo vinto. Grazie a tutti.»", "Poi è partita."]],
  ["pag. before a number", ["Vedi pag. 5 del documento.", "È pubblico."]],
  ["L'On. before a name", ["L'On. Verdi ha preso la parola.", "La seduta è tolta."]],
  ["S.p.A. before a capital", ["Il contratto con Alfa S.p.A. Milano è stato firmato."]],
  ["an ellipsis ends a sentence", ["Libertà di espressione, di coscienza, di associazione...", "La richiesta è stata respinta."]],
]);

const PORTUGUESE = casesOf("pt", [
  ["plain sentences", ["O tratado foi adotado.", "Entra em vigor amanhã."]],
  ["Sr. and Sra. before names", ["O Sr. Silva e a Sra. Costa usaram da palavra.", "A sessão foi encerrada."]],
  ["Exmo. Sr. before a title", ["O Exmo. Sr. Presidente abriu a sessão.", "Seguiram-se os debates."]],
  ["p. ex. before a capital", ["Alguns instrumentos, p. ex. O Guia prático, já existem."]],
  ["n.º before a number", ["Ver a resolução n.º 74/247 da Assembleia Geral.", "Foi adotada."]],
  ["pág. before a number", ["Ver pág. 7 do relatório.", "É público."]],
  ["a question", ["É necessário um tratado?", "Muitos pensam que sim."]],
  ["guillemets with two sentences inside", ["Ela disse: «Ganhámos. Obrigada a todos.»", "Depois saiu."]],
  ["Dra. before a name", ["A Dra. Mendes apresentou o relatório.", "Houve perguntas."]],
  ["etc. ends a sentence before a capital", ["Os dados, as provas, etc.", "Tudo deve ser conservado."]],
  ["ordinals 1.º and 2.º", ["O artigo 1.º define o âmbito.", "O 2.º trata das definições."]],
  ["decimal commas", ["A taxa subiu de 0,93 para 0,97.", "A precisão manteve-se."]],
]);

const DUTCH = casesOf("nl", [
  ["plain sentences", ["Het verdrag is aangenomen.", "Het treedt morgen in werking."]],
  ["Dhr. and mevr. before names", ["Dhr. Jansen en mevr. De Vries namen het woord.", "De vergadering werd gesloten."]],
  ["bijv. before a name", ["Sommige landen, bijv. Nederland en België, stemden voor.", "Andere onthielden zich."]],
  ["d.w.z. before a capital", ["De termijn is verstreken, d.w.z. Verzoeken worden niet meer aanvaard."]],
  ["o.a. before a capital", ["Daaraan namen o.a. Vertegenwoordigers van ngo's deel.", "De pers was er ook."]],
  ["nr. before a number", ["Zie resolutie nr. 74/247 van de Algemene Vergadering.", "Zij werd aangenomen."]],
  ["blz. before a number", ["Zie blz. 12 van het verslag.", "Het is openbaar."]],
  ["'s Avonds opens a sentence", ["Hij vertrok laat.", "'s Avonds kwam hij terug."]],
  ["Mr. (the lawyer's title) before a name", ["Mr. Bakker pleitte voor de eiser.", "De rechter luisterde."]],
  ["a question", ["Is een nieuw verdrag nodig?", "Wij betwijfelen het."]],
  ["ca. before a number", ["Er waren ca. 300 deelnemers.", "De zaal was vol."]],
  ["Prof. dr. before a name", ["Prof. dr. Visser opende de zitting.", "Daarna volgden verslagen."]],
]);

const RUSSIAN = casesOf("ru", [
  ["plain sentences", ["Договор был принят.", "Он вступает в силу завтра."]],
  ["т. е. before a capital", ["Срок истёк, т. е. Заявления больше не принимаются."]],
  ["и т. д. ends a sentence before a capital", ["Данные, доказательства и т. д.", "Всё должно быть сохранено."]],
  ["и т. д. inside a sentence", ["Данные, доказательства и т. д. должны быть сохранены."]],
  ["и т.д. written together ends a sentence", ["Он перечислил отчёты, письма и т.д.", "Потом выступил председатель."]],
  ["г. before a city", ["Встреча прошла в г. Москве.", "Переговоры продолжились."]],
  ["г. after a year ends the sentence", ["Договор был подписан в 1999 г.", "Затем его ратифицировали."]],
  ["ст. before a number", ["Согласно ст. 5 запрос отклоняется.", "Затем применяется ст. 6."]],
  ["initials before a name", ["А. С. Пушкин родился в Москве.", "Он был поэтом."]],
  ["«…» with two sentences inside", ["Она сказала: «Мы победили. Спасибо всем.»", "Потом она ушла."]],
  ["question and exclamation", ["Нужен ли новый договор?", "Мы сомневаемся!", "Письмо на этом заканчивается."]],
  ["См. and с. before a number", ["См. с. 12 доклада.", "Он опубликован."]],
  ["проф. before a name", ["Доклад представил проф. Иванов.", "Затем начались прения."]],
]);

const ARABIC = casesOf("ar", [
  ["plain sentences", ["اعتمدت الجمعية العامة الاتفاقية.", "وتدخل حيز النفاذ غدا."]],
  ["the Arabic question mark ؟", ["هل هناك حاجة إلى معاهدة جديدة؟", "نحن نشك في ذلك."]],
  ["an exclamation", ["يا له من انتصار!", "اعتمد النص بتوافق الآراء."]],
  ["the Arabic comma never splits", ["تعزز الدول التعاون، وتتبادل الأدلة، وتنشئ فرق تحقيق مشتركة."]],
  ["the Arabic semicolon never splits", ["ينبغي للبلدان تعزيز التعاون؛ وتبادل الأدلة."]],
  ["د. before a name", ["ألقى د. أحمد كلمة الافتتاح.", "ثم بدأت المناقشة."]],
  ["م. after a year ends the sentence", ["اعتمدت الاتفاقية عام 2024 م.", "ويجب أن تصادق عليها أربعون دولة."]],
  ["م. after a year in Arabic-Indic digits", ["عُقدت الدورة في ١٥ مارس ٢٠٢٣ م.", "وصدر القرار بالإجماع."]],
  ["ص. before a number", ["انظر ص. 12 من التقرير.", "وهو متاح للجميع."]],
  ["guillemets with two sentences inside", ["قالت: «لقد فزنا. شكرا للجميع.»", "ثم غادرت."]],
  ["decimal numbers", ["ارتفع المعدل من 0.93 إلى 0.97.", "وظلت الدقة ثابتة."]],
  ["a document symbol", ["اعتُمد المشروع A/C.3/74/L.11/Rev.1 بالتصويت.", "وكان موضع خلاف."]],
]);

const SIMPLIFIED_CHINESE = casesOf("zh-Hans", [
  ["plain sentences", ["大会通过了公约。", "公约明天生效。"]],
  ["question and exclamation", ["需要新条约吗？", "我们表示怀疑！", "信到此结束。"]],
  ["a quotation, then narration", ["她说：“我们赢了。谢谢大家。”", "然后她离开了。"]],
  ["a quotation with its speaker after it", ["“我宣布文件获得通过。”主席说。", "条约随后通过。"]],
  ["an exclamation inside a book title", ["他引用了《你好！世界》一书。", "讨论随后开始。"]],
  ["decimal numbers", ["比率从0.93上升到0.97。", "精确度保持不变。"]],
  ["an ASCII question mark against the next character", ["真的吗?", "是的。"]],
  ["a Latin abbreviation in brackets", ["美国 (U.S.) 代表发言。", "会议继续。"]],
  ["numbered articles", ["第一条 本公约适用于所有缔约国。", "第二条 定义如下。"]],
  ["semicolons and commas never split", ["各国应当加强合作；交换证据，并建立联合调查组。"]],
  ["an ellipsis inside a sentence", ["他犹豫了……然后说道。", "会议继续。"]],
  ["full-width figures", ["表决结果为１０２票反对。", "２６票弃权。"]],
]);

const TRADITIONAL_CHINESE = casesOf("zh-Hant", [
  ["plain sentences", ["大會通過了公約。", "公約明天生效。"]],
  ["question and exclamation", ["需要新條約嗎？", "我們表示懷疑！", "信到此結束。"]],
  ["「」 with two sentences inside", ["她說：「我們贏了。謝謝大家。」", "然後她離開了。"]],
  ["『』 inside 「」", ["他說：「她告訴我『會議結束了。』然後走了。」", "大家都沉默了。"]],
  ["a quotation with its speaker after it", ["「我宣布文件獲得通過。」主席說。", "條約隨後通過。"]],
  ["an exclamation inside a book title", ["他引用了《你好！世界》一書。", "討論隨後開始。"]],
  ["decimal numbers", ["比率從0.93上升到0.97。", "精確度保持不變。"]],
  ["a Latin abbreviation in brackets", ["聯合國 (U.N.) 代表發言。", "會議繼續。"]],
  ["an ASCII exclamation mark against the next character", ["太好了!", "文件通過了。"]],
  ["an ellipsis inside a sentence", ["他猶豫了……然後說道。", "會議繼續。"]],
  ["numbered articles", ["第一條 本公約適用於所有締約國。", "第二條 定義如下。"]],
]);

const JAPANESE = casesOf("ja", [
  ["plain sentences", ["総会は条約を採択した。", "条約は明日発効する。"]],
  ["question and exclamation", ["新しい条約は必要か？", "我々は疑問に思う！", "手紙はここで終わる。"]],
  ["a quotation followed by と", ["「会議は終わった。」と彼は言った。", "皆が帰った。"]],
  ["a quotation followed by って", ["「もう遅い。」って彼女が言った。"]],
  ["a quotation after a sentence", ["彼女は言った。", "「我々は勝った。ありがとう。」", "そして去った。"]],
  ["『』 inside 「」", ["彼は「『源氏物語』を読んだ。」と話した。", "皆が驚いた。"]],
  ["decimal numbers", ["比率は0.93から0.97に上がった。", "精度は変わらなかった。"]],
  ["full-width figures", ["反対は１０２票だった。", "棄権は２６票だった。"]],
  ["an ASCII question mark against the next character", ["本当?", "はい、本当です。"]],
  ["a Latin abbreviation in brackets", ["国連 (U.N.) の代表が発言した。", "会議は続いた。"]],
  ["the comma 、 never splits", ["各国は協力を強化し、証拠を交換し、合同捜査チームを設置する。"]],
  ["an ellipsis inside a sentence", ["彼はためらった……そして話した。", "会議は続いた。"]],
]);

export const LANGUAGE_SENTENCE_CASES: SentenceCase[] = [
  ...SPANISH,
  ...GERMAN,
  ...ITALIAN,
  ...PORTUGUESE,
  ...DUTCH,
  ...RUSSIAN,
  ...ARABIC,
  ...SIMPLIFIED_CHINESE,
  ...TRADITIONAL_CHINESE,
  ...JAPANESE,
];

import type { TextLanguage } from "../languages";

/**
 * Texts whose language detection must tell, written for Tandem: for each language a sentence of institutional prose
 * and a short line (a title, a place, a date) that only its script can decide. The unit tests use them.
 */
export const TEXT_LANGUAGE_CASES: Array<{ language: TextLanguage; text: string }> = [
  { language: "en", text: "The General Assembly adopted the convention against cybercrime after three years of negotiations." },
  { language: "en", text: "Mutual legal assistance in criminal matters shall be provided by the central authority without delay." },
  { language: "fr", text: "L'Assemblée générale a adopté la convention contre la cybercriminalité après trois ans de négociations." },
  { language: "fr", text: "L'entraide judiciaire en matière pénale est accordée sans délai par l'autorité centrale." },
  { language: "es", text: "La Asamblea General aprobó la convención contra la ciberdelincuencia tras tres años de negociaciones." },
  { language: "es", text: "La asistencia judicial recíproca en materia penal será prestada sin demora por la autoridad central." },
  { language: "de", text: "Die Generalversammlung hat das Übereinkommen gegen Cyberkriminalität nach dreijährigen Verhandlungen angenommen." },
  { language: "de", text: "Die Rechtshilfe in Strafsachen wird von der zentralen Behörde unverzüglich geleistet." },
  { language: "it", text: "L'Assemblea generale ha adottato la convenzione contro la criminalità informatica dopo tre anni di negoziati." },
  { language: "it", text: "L'assistenza giudiziaria in materia penale è prestata senza indugio dall'autorità centrale." },
  { language: "pt", text: "A Assembleia Geral adotou a convenção contra o cibercrime após três anos de negociações." },
  { language: "pt", text: "As autoridades nacionais não cumpriram as obrigações previstas na convenção e nas suas disposições." },
  { language: "nl", text: "De Algemene Vergadering heeft het verdrag tegen cybercriminaliteit na drie jaar onderhandelen aangenomen." },
  { language: "nl", text: "Wederzijdse rechtshulp in strafzaken wordt zonder vertraging door de centrale autoriteit verleend." },
  { language: "ru", text: "Генеральная Ассамблея приняла конвенцию против киберпреступности после трёх лет переговоров." },
  { language: "ru", text: "Москва" },
  { language: "ar", text: "اعتمدت الجمعية العامة اتفاقية مكافحة الجريمة السيبرانية بعد ثلاث سنوات من المفاوضات." },
  { language: "ar", text: "المنامة" },
  { language: "zh-Hans", text: "大会在三年谈判之后通过了打击网络犯罪公约。" },
  { language: "zh-Hans", text: "联合国" },
  { language: "zh-Hant", text: "大會在三年談判之後通過了打擊網絡犯罪公約。" },
  { language: "zh-Hant", text: "聯合國" },
  { language: "ja", text: "総会は三年間の交渉を経てサイバー犯罪条約を採択した。" },
  { language: "ja", text: "東京で会議" },
];

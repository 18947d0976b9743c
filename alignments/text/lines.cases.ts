import type { TextLanguage } from "../languages";

/**
 * Texts that are, or are not, already cut one segment per line (lineLayout in lines.ts). The Bank Act's lines are
 * real (../shared/corpora, Open Government Licence – Canada); the wrapped and paragraph texts are the project's own
 * seeds (db/corpus); the export and the corpus are written here. tests/unit/line-layout-corpora.test.ts checks the
 * whole files: the five seeds, the corpora.
 */
export interface LineLayoutCase {
  name: string;
  language: TextLanguage;
  text: string;
  presegmented: boolean;
  /** What the reason given to the user must say. */
  because: RegExp;
}

export const LINE_LAYOUT_CASES: LineLayoutCase[] = [
  {
    name: "the Bank Act in English, one unit per line (headings, definitions, paragraphs without their labels)",
    language: "en",
    text: "Definitions\nDefinitions\nIn this Act,\naffairs, with respect to a bank, an authorized foreign bank or a bank holding company, means the relationships among the bank, authorized foreign bank or bank holding company and its affiliates and the shareholders, members, directors and officers of the bank, authorized foreign bank or bank holding company and its affiliates, but does not include the business of the bank, authorized foreign bank or bank holding company or any of its affiliates; (affaires internes)\naffiliate means an entity that is affiliated with another entity within the meaning of section 6; (groupe)\nAgency means the Financial Consumer Agency of Canada established under section 3 of the Financial Consumer Agency of Canada Act; (Agence)\nannual return means a return prepared in accordance with section 601; (état annuel)\nannual statement, in relation to a bank, means the annual financial statement of the bank within the meaning of paragraph 308(1)(a) and, in relation to a bank holding company, means the annual financial statement of the bank holding company within the meaning of paragraph 840(1)(a); (rapport annuel)\nauthorized foreign bank means a foreign bank that is the subject of an order under subsection 524(1); (banque étrangère autorisée)\nbank means a bank listed in Schedule I or II; (banque)\nbank holding company means a body corporate that is incorporated or formed under Part XV; (société de portefeuille bancaire)\nbearer, in relation to a security, means the person in possession of a security payable to bearer or endorsed in blank; (porteur)\nbearer form, in respect of a security, means a security in bearer form as determined in accordance with subsection 83(2); (titre au porteur)\nbeneficial ownership includes ownership through one or more trustees, legal representatives, agents or other intermediaries; (véritable propriétaire et propriété effective)\nbody corporate means an incorporated body wherever or however incorporated; (personne morale)\nbranch\nin respect of a bank, means an agency, the head office or any other office of the bank, and\nin respect of an authorized foreign bank, means an agency, the principal office or any other office of the authorized foreign bank in Canada at which is carried on the business in Canada of the authorized foreign bank; (succursale)\nCanadian entity means an entity that is incorporated or formed by or under an Act of Parliament or of the legislature of a province, or otherwise formed in Canada, and that carries on business in Canada; (entité canadienne)",
    presegmented: true,
    because: /looks cut one segment per line/,
  },
  {
    name: "the Bank Act in French, one unit per line",
    language: "fr",
    text: "Définitions et application\nDéfinitions\nDéfinitions\nLes définitions qui suivent s’appliquent à la présente loi.\nacte constitutif Loi spéciale, lettres patentes, acte de prorogation ou tout autre acte — avec ses modifications ou mises à jour éventuelles — constituant ou prorogeant une personne morale. (incorporating instrument)\naction avec droit de vote Action d’une personne morale comportant — quelle qu’en soit la catégorie — un droit de vote en tout état de cause ou en raison soit de la survenance d’un fait qui demeure, soit de la réalisation d’une condition. (voting share)\nadministrateur Indépendamment de son titre, la personne physique qui fait fonction d’administrateur d’une personne morale; conseil d’administration ou conseil s’entend de l’ensemble des administrateurs d’une personne morale. (director, board of directors or directors)\nadresse enregistrée\nDans le cas d’un actionnaire d’une banque ou d’une société de portefeuille bancaire, dernière adresse postale selon le registre central des valeurs mobilières de la banque ou de la société de portefeuille bancaire;\ndans le cas d’un membre d’une coopérative de crédit fédérale, dernière adresse postale selon le registre des membres;\ndans le cas de toute autre personne, en ce qui a trait à une banque, dernière adresse postale selon les livres de la succursale en cause. (recorded address)\naffaires internes Relations entre une banque, une banque étrangère autorisée ou une société de portefeuille bancaire et les entités de leur groupe et leurs actionnaires, membres, administrateurs et dirigeants, à l’exclusion de leur activité commerciale. (affairs)\nAgence L’Agence de la consommation en matière financière du Canada constituée en application de l’article 3 de la Loi sur l’Agence de la consommation en matière financière du Canada. (Agency)\nbanque Banque figurant aux annexes I ou II. (bank)\nbanque d’importance systémique nationale Banque désignée à ce titre en vertu de l’article 484.1. (domestic systemically important bank)\nbanque étrangère Sous réserve de l’article 12, toute entité constituée en personne morale ou formée sous le régime de la législation d’un pays étranger, qui, selon le cas :\nest une banque d’après la législation du pays étranger où elle exerce son activité;\nexerce dans un pays étranger des activités qui, au Canada, seraient en totalité ou en majeure partie des opérations bancaires;\nse livre, directement ou non, à la prestation de services financiers et adopte, pour désigner ou décrire son activité, une dénomination qui comprend l’un des mots « bank », « banque », « banking » ou « bancaire », employé seul ou combiné avec d’autres mots ou un ou plusieurs mots d’une autre langue que le français ou l’anglais, ayant un sens analogue;",
    presegmented: true,
    because: /looks cut one segment per line/,
  },
  {
    name: "a CAT tool's plain-text export, one segment per line",
    language: "en",
    text: "Getting started\nOpen the project from the Projects tab.\nSelect the documents you want to translate and click Open.\nThe editor shows the source text on the left and the translation on the right.\nPress Ctrl+Enter to confirm a segment and move to the next one.\nConfirmed segments are stored in the project's translation memory.\nTerms found in the term base are shown in the Translation results pane.\nExport the translated documents when every segment is confirmed.",
    presegmented: true,
    because: /8 lines: 100% end a sentence or a unit/,
  },
  {
    name: "a researcher's corpus, one sentence per line",
    language: "fr",
    text: "Le comité s'est réuni à Vienne du 27 au 29 juillet.\nLes délégations ont examiné le projet de rapport.\nPlusieurs États ont demandé des précisions sur la portée de la convention.\nLa présidente a proposé de reprendre la discussion le lendemain.\nLes observateurs ont été invités à soumettre leurs commentaires par écrit.\nLe rapport final sera publié en français et en anglais.",
    presegmented: true,
    because: /6 lines/,
  },
  {
    name: "hard-wrapped prose (a seed extracted from a PDF)",
    language: "fr",
    text: "La coopération internationale est indispensable face au défi majeur que représente la\nlutte contre la cybercriminalité. Cependant, l’approche proposée dans le projet de\nrésolution « Lutte contre l’utilisation des technologies de l’information et des\ncommunications à des fins criminelles » (A/C.3/74/L.11/Rev.1) à la Troisième\nCommission de l’Assemblée générale de l’ONU (AGONU) présente de graves lacunes\net risque de restreindre l’utilisation de l’internet en faveur des droits humains et du\ndéveloppement social et économique. Les organisations soussignées exhortent votre\ndélégation à voter contre un tel projet de résolution.\nCette résolution propose de « créer un comité d’experts intergouvernemental spécial à\ncomposition non limitée, représentatif de l’ensemble des régions, chargé de rédiger une\nconvention internationale générale relative à la lutte contre l’utilisation des technologies\nde l’information et des communications à des fins criminelles ». Nous ne sommes pas\nconvaincus de la réelle nécessité d’une nouvelle convention internationale relative à la\ncybercriminalité. Nous sommes en outre très inquiets que le travail de l’ONU dans ce",
    presegmented: false,
    because: /its lines are wrapped prose/,
  },
  {
    name: "a web page's paragraphs pasted one per line (a seed)",
    language: "fr",
    text: "Le monde assiste aujourd'hui à une évolution rapide des cybermenaces : les attaques sont de plus en plus nombreuses, graves et complexes et compromettent ainsi notre sécurité collective. Les cybercrimes engendrent de nouveaux risques et défis pour la sécurité, la dignité et l'équité humaines – des défis transnationaux qu'aucun acteur ne peut relever seul. Une approche multipartite est essentielle pour lutter contre l'utilisation malveillante des technologies de l'information et de la communication (TIC) et pour protéger et renforcer les utilisateurs de ces technologies.\nNous suivons de près le processus de négociation de la nouvelle convention internationale sur la lutte contre l'utilisation des TIC à des fins criminelles, telle que prévue dans la [résolution 74/247 de l'Assemblée générale des Nations Unies](#). Compte tenu des instruments qui existent déjà aux niveaux régional et international pour combattre la cybercriminalité, nous exhortons la communauté internationale à éviter les doubles emplois et à s'attacher en particulier à renforcer la mise en œuvre effective et le respect des cadres établis.\nDans ce contexte, eu égard au vote à la majorité à l'Assemblée générale des Nations Unies, nous énonçons un ensemble de principes qui, selon nous, devraient être appliqués par les acteurs participant au processus de négociation de ce nouvel instrument. Ces principes sous-tendent les droits et les libertés indispensables pour réaliser un cyberspace libre, ouvert, sûr et pacifique et pour renforcer le respect du droit dans le cyberspace.\nProtéger les victimes\nLe nouvel instrument international pour lutter contre la cybercriminalité doit viser avant tout à protéger les cibles et les victimes des cybercrimes, et à proposer des voies de recours effectives ainsi qu'un ensemble de mesures adéquates pour préserver les droits de l'homme. De nombreux gouvernements ont longtemps abusé des mesures de lutte contre la cybercriminalité et se sont servis de la législation en la matière pour étendre le contrôle de l'État et ériger en infraction la publication et la diffusion d'informations gênantes, et pour imposer une surveillance généralisée et restreindre la vie privée de leurs citoyens au nom de la lutte contre le terrorisme. Le nouvel instrument doit garantir la protection de la sécurité, de l'équité et de la dignité humaines, conformément aux obligations des États à l'égard de leurs citoyens. Pour protéger les victimes des cybercrimes tout en empêchant que des comportements qui ne sont autres que l'exercice des libertés fondamentales et des droits de l'homme ne soient érigés en infractions, le nouvel instrument juridique doit garantir que la définition d'un comportement comme « criminel » se base sur des critères à la fois souples et restreints.",
    presegmented: false,
    because: /its lines are paragraphs/,
  },
  {
    name: "a news article whose paragraphs are one sentence each, pasted one per line (a seed): cut alike either way",
    language: "fr",
    text: "Les Etats membres de l'ONU ont approuvé jeudi leur premier traité pour lutter contre la cybercriminalité, un texte immédiatement fustigé par les défenseurs des droits humains et les grandes industries de la tech qui alertent contre un outil de \"surveillance\" mondiale.\nAprès trois ans de négociations formelles, et une dernière session de deux semaines à New York, la \"Convention des Nations unies contre la cybercriminalité\" a été approuvée par consensus et sera soumise ultérieurement à l'Assemblée générale pour adoption formelle.\n\"Je considère que les documents (...) sont adoptés. Merci beaucoup, bravo à tous !\", a lancé sous les applaudissements Faouzia Boumaiza Mebarki, présidente du comité intergouvernemental créé en 2019 pour rédiger ce traité, sur une proposition de la Russie.\nLe nouveau traité, qui pourra entrer en vigueur après avoir été ratifié par 40 Etats, vise à \"combattre plus efficacement la cybercriminalité\" et à renforcer la coopération internationale en la matière, citant notamment les images pédopornographiques ou le blanchiment d'argent.\n\"Nous avons démontré l'importance de la volonté politique et notre détermination collective pour empêcher et combattre la cybercriminalité grâce à la coopération internationale\", s'est félicitée la déléguée sud-africaine, saluant au nom du groupe Afrique une \"Convention historique\".\n\"L'assistance technique et le renforcement des capacités offriront le soutien nécessaire aux pays qui disposent d'infrastructures cyber moins développées\", a-t-elle ajouté.",
    presegmented: true,
    because: /6 lines: 100% end a sentence or a unit/,
  },
  {
    name: "Word or web paragraphs set apart by blank lines (a seed)",
    language: "fr",
    text: "Le monde assiste aujourd'hui à une évolution rapide des cybermenaces : les attaques sont de plus en plus nombreuses, graves et complexes et compromettent ainsi notre sécurité collective. Les cybercrimes engendrent de nouveaux risques et défis pour la sécurité, la dignité et l'équité humaines – des défis transnationaux qu'aucun acteur ne peut relever seul. Une approche multipartite est essentielle pour lutter contre l'utilisation malveillante des technologies de l'information et de la communication (TIC) et pour protéger et renforcer les utilisateurs de ces technologies.\n\nNous suivons de près le processus de négociation de la nouvelle convention internationale sur la lutte contre l'utilisation des TIC à des fins criminelles, telle que prévue dans la [résolution 74/247 de l'Assemblée générale des Nations Unies](#). Compte tenu des instruments qui existent déjà aux niveaux régional et international pour combattre la cybercriminalité, nous exhortons la communauté internationale à éviter les doubles emplois et à s'attacher en particulier à renforcer la mise en œuvre effective et le respect des cadres établis.\n\nDans ce contexte, eu égard au vote à la majorité à l'Assemblée générale des Nations Unies, nous énonçons un ensemble de principes qui, selon nous, devraient être appliqués par les acteurs participant au processus de négociation de ce nouvel instrument. Ces principes sous-tendent les droits et les libertés indispensables pour réaliser un cyberspace libre, ouvert, sûr et pacifique et pour renforcer le respect du droit dans le cyberspace.\n\nProtéger les victimes\n\nLe nouvel instrument international pour lutter contre la cybercriminalité doit viser avant tout à protéger les cibles et les victimes des cybercrimes, et à proposer des voies de recours effectives ainsi qu'un ensemble de mesures adéquates pour préserver les droits de l'homme. De nombreux gouvernements ont longtemps abusé des mesures de lutte contre la cybercriminalité et se sont servis de la législation en la matière pour étendre le contrôle de l'État et ériger en infraction la publication et la diffusion d'informations gênantes, et pour imposer une surveillance généralisée et restreindre la vie privée de leurs citoyens au nom de la lutte contre le terrorisme. Le nouvel instrument doit garantir la protection de la sécurité, de l'équité et de la dignité humaines, conformément aux obligations des États à l'égard de leurs citoyens. Pour protéger les victimes des cybercrimes tout en empêchant que des comportements qui ne sont autres que l'exercice des libertés fondamentales et des droits de l'homme ne soient érigés en infractions, le nouvel instrument juridique doit garantir que la définition d'un comportement comme « criminel » se base sur des critères à la fois souples et restreints.",
    presegmented: false,
    because: /blank lines set its paragraphs apart/,
  },
  {
    name: "too few lines to tell",
    language: "en",
    text: "Mutual legal assistance is given within 30 days.\nThe request shall be sent.\nIt is answered in writing.",
    presegmented: false,
    because: /only 3 lines of text/,
  },
  {
    name: "a Chinese corpus, one sentence per line, ended by 。！？ with nothing after them (written here)",
    language: "zh-Hans",
    text: "委员会于七月在维也纳举行会议。\n各代表团审议了报告草稿。\n若干国家要求说明公约的适用范围。\n主席建议次日继续讨论！\n观察员是否可以提交书面意见？\n最后报告将以六种语文印发。",
    presegmented: true,
    because: /6 lines: 100% end a sentence or a unit/,
  },
  {
    name: "Chinese paragraphs, several sentences on each line (written here)",
    language: "zh-Hans",
    text: "委员会于七月在维也纳举行会议。各代表团审议了报告草稿。\n若干国家要求说明公约的适用范围。主席建议次日继续讨论。\n观察员提交了书面意见。最后报告将以六种语文印发。\n秘书处介绍了预算情况。会议核准了工作方案。\n下届会议将在纽约举行。议程草案已经分发。",
    presegmented: false,
    because: /its lines are paragraphs/,
  },
  {
    name: "a Japanese list of sentences, one per line, a quotation closing after 。 (written here)",
    language: "ja",
    text: "委員会は七月にウィーンで会合を開いた。\n各代表団は報告書の草案を検討した。\n議長は「討議を翌日に続ける。」\n締約国は意見を提出できるか？\n最終報告書は六つの言語で発行される。",
    presegmented: true,
    because: /5 lines: 100% end a sentence or a unit/,
  },
  {
    name: "an Arabic corpus, one sentence per line, a question ended by ؟ (written here)",
    language: "ar",
    text: "اجتمعت اللجنة في فيينا في شهر تموز.\nناقشت الوفود مشروع التقرير.\nهل يجوز للمراقبين تقديم تعليقات مكتوبة؟\nاقترحت الرئيسة مواصلة المناقشة في اليوم التالي.\nسيصدر التقرير النهائي بست لغات.",
    presegmented: true,
    because: /5 lines: 100% end a sentence or a unit/,
  },
];

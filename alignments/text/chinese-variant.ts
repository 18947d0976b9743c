/**
 * Simplified or traditional Chinese, told by the characters that differ between the two: each pair below is a
 * common character written one way in simplified text (mainland China, Singapore, the UN's Chinese) and another in
 * traditional text (Taiwan, Hong Kong, Macao). Characters the two share, and those whose other form is also a word
 * of its own (后/後, 里/裡, 台/臺, 面/麵, 范/範), are left out: they tell nothing.
 */
const PAIRS =
  "们們 这這 国國 说說 为為 会會 时時 来來 对對 发發 学學 经經 过過 动動 进進 种種 现現 关關 开開 长長 问問 实實 点點 从從 两兩 " +
  "与與 应應 机機 当當 没沒 样樣 还還 义義 业業 东東 万萬 边邊 无無 见見 员員 头頭 条條 产產 总總 项項 权權 认認 议議 决決 务務 " +
  "约約 联聯 际際 织織 组組 护護 报報 让讓 请請 论論 设設 书書 数數 区區 华華 门門 间間 题題 级級 农農 历歷 网網 络絡 规規 则則 " +
  "视視 观觀 亲親 语語 话話 计計 讨討 许許 调調 谁誰 读讀 车車 军軍 转轉 轻輕 钱錢 银銀 铁鐵 马馬 鸟鳥 鱼魚 龙龍 齐齊 乐樂 欢歡 " +
  "爱愛 变變 传傳 众眾 优優 伤傷 儿兒 党黨 兰蘭 况況 刘劉 创創 别別 办辦 劳勞 势勢 医醫 单單 卖賣 卫衛 压壓 县縣 参參 双雙 号號 " +
  "吗嗎 听聽 启啟 响響 团團 园園 围圍 图圖 圆圓 场場 坏壞 声聲 处處 备備 夺奪 奋奮 妇婦 妈媽 孙孫 宁寧 宝寶 宪憲 导導 层層 岁歲 " +
  "师師 帮幫 广廣 庆慶 库庫 异異 弃棄 张張 弹彈 归歸 录錄 态態 恶惡 惊驚 战戰 户戶 执執 扩擴 扫掃 担擔 拥擁 择擇 挥揮 损損 换換 " +
  "据據 摄攝 敌敵 断斷 旧舊 显顯 术術 杀殺 杂雜 极極 构構 枪槍 标標 树樹 桥橋 检檢 楼樓 欧歐 残殘 毕畢 气氣 汉漢 沟溝 济濟 测測 " +
  "温溫 满滿 灭滅 灵靈 热熱 独獨 环環 电電 画畫 疗療 监監 盘盤 确確 础礎 礼禮 离離 积積 称稱 税稅 稳穩 穷窮 竞競 笔筆 简簡 类類 " +
  "红紅 纪紀 纯純 纳納 纸紙 线線 练練 细細 终終 结結 给給 统統 继繼 续續 维維 综綜 罗羅 职職 肃肅 胜勝 脑腦 艺藝 节節 荣榮 药藥 " +
  "获獲 虽雖 补補 装裝 觉覺 览覽 订訂 训訓 讯訊 记記 讲講 访訪 证證 评評 识識 诉訴 词詞 试試 询詢 该該 详詳 误誤 诸諸 课課 谈談 " +
  "谓謂 谢謝 负負 财財 责責 败敗 货貨 质質 购購 贵貴 费費 贸貿 资資 赋賦 赔賠 赞贊 轮輪 软軟 较較 输輸 辩辯 达達 迁遷 运運 远遠 " +
  "违違 连連 迟遲 适適 选選 递遞 遗遺 邮郵 邻鄰 释釋 针針 钟鐘 钢鋼 链鏈 销銷 锁鎖 错錯 键鍵 闭閉 闻聞 阅閱 队隊 阳陽 阴陰 陆陸 " +
  "险險 随隨 隐隱 难難 静靜 韩韓 页頁 顺順 须須 顾顧 预預 领領 频頻 颜顏 风風 飞飛 饭飯 馆館 验驗 鲜鮮 麦麥 黄黃 龄齡 个個 体體";

const SIMPLIFIED = new Set<string>();
const TRADITIONAL = new Set<string>();
for (const pair of PAIRS.split(" ")) {
  const [simplified, traditional] = [...pair];
  SIMPLIFIED.add(simplified);
  TRADITIONAL.add(traditional);
}

/** The characters of `text` that only simplified, and only traditional, Chinese writes. */
export function variantEvidence(text: string): { simplified: number; traditional: number } {
  let simplified = 0;
  let traditional = 0;
  for (const character of text) {
    if (SIMPLIFIED.has(character)) simplified++;
    else if (TRADITIONAL.has(character)) traditional++;
  }
  return { simplified, traditional };
}

/** Which Chinese a text is written in; null when none of its characters tells, or both kinds are mixed evenly. */
export function chineseVariant(text: string): "zh-Hans" | "zh-Hant" | null {
  const { simplified, traditional } = variantEvidence(text);
  // A quoted name in the other form does not turn a text: the majority decides when it is clear (three to one).
  if (simplified > 0 && simplified >= 3 * traditional) return "zh-Hans";
  if (traditional > 0 && traditional >= 3 * simplified) return "zh-Hant";
  return null;
}

/** Every pair, for the test that no character stands on both sides. */
export const VARIANT_PAIRS: ReadonlyArray<readonly [string, string]> = PAIRS.split(" ").map((pair) => {
  const [simplified, traditional] = [...pair];
  return [simplified, traditional] as const;
});

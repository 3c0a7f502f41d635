// Our own query list. A page is relevant to a query when its text contains one of the listed
// surface forms (in either script, any case): an oracle written by hand, independent of the
// search code. `not` lists pages that share characters with the query but are not about it.
export interface QueryCase {
  q: string;
  relevant: string[];
  /** URLs that must not be returned. */
  not?: string[];
  why: string;
}

export const QUERIES: QueryCase[] = [
  { q: "台积电", relevant: ["台积电", "台積電", "TSMC", "台湾积体电路", "台灣積體電路"], why: "word-splitting mismatch: not pages that only say 台湾" },
  { q: "華為", relevant: ["华为", "華為", "Huawei"], why: "Traditional query, Simplified pages" },
  { q: "华为", relevant: ["华为", "華為", "Huawei"], why: "Simplified" },
  { q: "Huawei", relevant: ["华为", "華為", "Huawei"], why: "English name finds Chinese pages" },
  { q: "芯片", relevant: ["芯片", "晶片", "chip", "chips", "microchip", "集成电路", "積體電路", "integrated circuit"], why: "mainland and Taiwan words for chip" },
  { q: "晶片", relevant: ["芯片", "晶片", "chip", "chips", "microchip", "集成电路", "積體電路", "integrated circuit"], why: "Taiwan word finds mainland pages" },
  { q: "光刻机", relevant: ["光刻机", "光刻機", "曝光机", "曝光機", "lithography"], why: "synonym across usage" },
  { q: "曝光機", relevant: ["光刻机", "光刻機", "曝光机", "曝光機", "lithography"], why: "Traditional synonym" },
  { q: "gallium", relevant: ["镓", "鎵", "gallium"], why: "English material name finds 镓" },
  { q: "Micron", relevant: ["美光", "Micron"], why: "company in English finds 美光" },
  { q: "rare earth", relevant: ["稀土", "rare earth", "rare-earth", "rare earths"], why: "English term finds 稀土" },
  { q: "Entity List", relevant: ["实体清单", "實體清單", "实体名单", "Entity List"], why: "English finds 实体清单" },
  { q: "实体清单", relevant: ["实体清单", "實體清單", "实体名单", "Entity List"], why: "both Chinese spellings" },
  { q: "稀土出口", relevant: ["稀土出口"], why: "phrase across a registry name and free text" },
  { q: "南京工厂", relevant: ["南京工厂"], why: "free Chinese text" },
  { q: "89 FR 96790", relevant: ["89 FR 96790"], why: "instrument citation" },
  { q: "耶伦", relevant: ["耶伦", "葉倫", "Yellen"], why: "person, Chinese name" },
  { q: "antimony", relevant: ["锑", "銻", "antimony"], why: "material" },
  { q: "反外国制裁法", relevant: ["反外国制裁法", "反外國制裁法", "Anti-Foreign Sanctions Law"], why: "law name" },
  { q: "德国之声", relevant: ["德国之声", "德國之聲", "DW", "Deutsche Welle"], why: "outlet" },
  { q: "中兴", relevant: ["中兴", "中興", "ZTE"], why: "a company's short name, not pages that only share 中" },
  { q: "中興", relevant: ["中兴", "中興", "ZTE"], why: "Traditional short name" },
  { q: "ZTE", relevant: ["中兴", "中興", "ZTE"], why: "English name finds the Chinese pages" },
  { q: "中兴通讯", relevant: ["中兴", "中興", "ZTE"], why: "full name" },
];

// Clippings are bytes; most are UTF-8, but files saved from older Chinese sites or Windows
// tools are GB18030 (a superset of GBK and GB2312) or UTF-16, and a few from Western Windows
// tools Windows-1252. The raw copy keeps the bytes; the importer reads the text.
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "windows-1252";
}

export function decodeClipping(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  try {
    // fatal: invalid UTF-8 throws instead of turning into U+FFFD; a UTF-8 BOM is dropped.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const gb = iconv.decode(Buffer.from(bytes), "gb18030");
    // Bytes GB18030 cannot read either ("caf\xe9 " is no GBK pair) are a Western note: read as
    // GB18030 it would show U+FFFD where "é" was. Windows-1252 reads every byte.
    if (!gb.includes("\uFFFD")) return { text: gb, encoding: "gb18030" };
    return { text: iconv.decode(Buffer.from(bytes), "windows-1252"), encoding: "windows-1252" };
  }
}

// Reading clipping bytes as text.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { decodeClipping } from "../../src/import/decode.ts";
import { importClipping } from "../../src/import/index.ts";
import { SEEDS, seedText } from "./helpers.ts";

describe("decodeClipping", () => {
  it("reads UTF-8, with or without a byte-order mark", () => {
    assert.deepEqual(decodeClipping(Buffer.from("稀土")), { text: "稀土", encoding: "utf-8" });
    assert.deepEqual(decodeClipping(Buffer.from("\uFEFF稀土")), { text: "稀土", encoding: "utf-8" });
  });

  it("falls back to GB18030 for bytes that are not UTF-8", () => {
    assert.deepEqual(decodeClipping(iconv.encode("出口管制", "gb18030")), { text: "出口管制", encoding: "gb18030" });
  });

  it("reads bytes that are neither UTF-8 nor GB18030 as Windows-1252, not as GB18030 with U+FFFD", () => {
    assert.deepEqual(decodeClipping(iconv.encode("café au lait, naïve", "windows-1252")), { text: "café au lait, naïve", encoding: "windows-1252" });
    // Chinese in GB18030 stays GB18030, even beside bytes Windows-1252 could read too.
    assert.equal(decodeClipping(iconv.encode("稀土 rare earths", "gb18030")).encoding, "gb18030");
  });

  it("reads UTF-16 with a byte-order mark", () => {
    assert.equal(decodeClipping(iconv.encode("芯片", "utf16-le", { addBOM: true })).text, "芯片");
  });

  it("a GB18030, CRLF copy of a seed imports exactly like the original", () => {
    const text = seedText(SEEDS.netease);
    const gbk = decodeClipping(iconv.encode(text.replace(/\n/g, "\r\n"), "gb18030"));
    assert.equal(gbk.encoding, "gb18030");
    assert.deepEqual(importClipping(gbk.text), importClipping(text));
  });
});

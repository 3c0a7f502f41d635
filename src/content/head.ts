// The start of a note, up to the end of its front matter: what looking at every note's title or
// names needs, without reading 350 MB of bodies. One reader for the wikilink scan and the
// vocabulary tools, so both see the same heads (YAML `---`, Hugo's TOML `+++`, Hexo's headless).

import { promises as fs } from "node:fs";

/** Most front matter fits in the first piece; a longer one is read on in larger ones. */
const FIRST_PIECE_BYTES = 4 * 1024;
const PIECE_BYTES = 16 * 1024;
/** An unclosed head is not read past this: its note is reported when it is ingested. */
const MAX_HEAD_BYTES = 256 * 1024;

const OPENER = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n/;

/** Pure: the delimiter a note's head opens with (YAML's `---`, Hugo's TOML `+++`), or undefined. */
export function headOpener(text: string): "---" | "+++" | undefined {
  return OPENER.exec(text)?.[1] as "---" | "+++" | undefined;
}

/** Pure: where a head that opens with `---` or `+++` closes (the end of its closing line), -1 while not yet. */
export function headEnd(text: string): number {
  const open = OPENER.exec(text);
  if (!open) return -1;
  const close = (open[1] === "+++" ? /\n\+\+\+[ \t]*(\r?\n|$)/ : /\n---[ \t]*(\r?\n|$)/).exec(text.slice(open[0].length - 1));
  return close ? open[0].length - 1 + close.index + close[0].length : -1;
}

/**
 * A note's head: the text through its closing `---`/`+++`; for a note that opens without one
 * (Hexo's headless front matter, or none) its first piece, where a headless head would be.
 */
export async function readNoteHead(file: string): Promise<string> {
  const handle = await fs.open(file, "r");
  try {
    const parts: Buffer[] = [];
    let size = 0;
    for (;;) {
      const piece = Buffer.allocUnsafe(parts.length ? PIECE_BYTES : FIRST_PIECE_BYTES);
      const { bytesRead } = await handle.read(piece, 0, piece.length, null);
      if (bytesRead > 0) parts.push(piece.subarray(0, bytesRead));
      size += bytesRead;
      const text = Buffer.concat(parts).toString("utf8");
      if (bytesRead === 0 || size >= MAX_HEAD_BYTES || !headOpener(text)) return text;
      const end = headEnd(text);
      if (end >= 0) return text.slice(0, end);
    }
  } finally {
    await handle.close();
  }
}

// `id<NSCoding>`, `List<String>`, `<T>`, a plist's `<key>…</key>`: notes written outside code
// spans are full of angle brackets that CommonMark reads as raw HTML tags. No browser knows such
// an element, so the sanitizer would remove it and its words with it. A tag whose name is not an
// HTML element is text the author wrote, and it is shown as written.
import htmlTags from "html-tags";
import type { MarkdownIt, StateCore, Token } from "markdown-it";

// Obsolete elements are still HTML (clippings carry <font> and <center>): the sanitizer removes
// them and the report says so, as before.
const OBSOLETE = ["acronym", "applet", "basefont", "bgsound", "big", "blink", "center", "dir", "font", "frame", "frameset", "image", "isindex", "keygen", "listing", "marquee", "menuitem", "nextid", "nobr", "noembed", "noframes", "plaintext", "rb", "rtc", "spacer", "strike", "tt", "xmp"];
const ELEMENTS = new Set<string>([...htmlTags, ...OBSOLETE]);

const TAG = /^<\/?([A-Za-z][\w:-]*)(?=[\s/>])/;

/** Whether a raw HTML fragment starts with a tag that names no HTML element (comments and declarations are HTML). */
export function startsWithUnknownTag(fragment: string): boolean {
  const name = TAG.exec(fragment.trimStart())?.[1];
  return name !== undefined && !ELEMENTS.has(name.toLowerCase());
}

function textToken(state: StateCore, content: string): Token {
  const t = new state.Token("text", "", 0);
  t.content = content;
  return t;
}

function literalTags(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "html_block" && startsWithUnknownTag(t.content)) {
      // The block becomes a paragraph of its own words; its tags are judged one by one below.
      const open = new state.Token("paragraph_open", "p", 1);
      const inline = new state.Token("inline", "", 0);
      const close = new state.Token("paragraph_close", "p", -1);
      open.map = inline.map = t.map;
      inline.content = t.content.trimEnd();
      inline.children = [];
      state.md.inline.parse(inline.content, state.md, state.env, inline.children);
      tokens.splice(i, 1, open, inline, close);
      continue;
    }
    if (t.type !== "inline" || !t.children) continue;
    // Inside inline <svg> or <math>, <circle> and <mi> are markup (the sanitizer's to judge).
    let foreign = 0;
    t.children = t.children.map((c) => {
      if (c.type !== "html_inline") return c;
      const name = TAG.exec(c.content)?.[1]?.toLowerCase();
      if (name === "svg" || name === "math") {
        if (c.content.startsWith("</")) foreign = Math.max(0, foreign - 1);
        else if (!/\/>$/.test(c.content)) foreign++;
      }
      return foreign === 0 && startsWithUnknownTag(c.content) ? textToken(state, c.content) : c;
    });
  }
}

export function literalUnknownTags(md: MarkdownIt): void {
  md.core.ruler.push("literal_unknown_tags", literalTags);
}

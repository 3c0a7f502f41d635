// npm run new -- article|event|actor ["title"] — scaffolds a valid file with today's date.
// Articles and events get a file of their own (never overwriting one); an actor is appended
// to actors.yaml.
import { promises as fs } from "node:fs";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { scaffold, type NewKind } from "../src/content/scaffold.ts";

const [kind, ...rest] = process.argv.slice(2);
if (kind !== "article" && kind !== "event" && kind !== "actor") {
  console.error('usage: npm run new -- article|event|actor ["title or name"]');
  process.exit(2);
}
const cfg = loadConfig();
const s = scaffold(kind as NewKind, { title: rest.join(" ") || undefined, now: new Date() });
const target = path.join(cfg.contentDir, s.file);
await fs.mkdir(path.dirname(target), { recursive: true });
if (kind === "actor") {
  await fs.appendFile(target, s.text);
  console.log(`appended a new actor to ${target}; edit its id, type and names`);
} else {
  let file = target;
  for (let n = 2; await fs.stat(file).then(() => true, () => false); n++) file = target.replace(/\.md$/, `-${n}.md`);
  await fs.writeFile(file, s.text, { flag: "wx" });
  console.log(`created ${file}`);
}

// A small content folder in the shapes real collections have: a bilingual transcript (each
// Chinese paragraph followed by its English original in <details>), notes that link to each
// other with [[wikilinks]], and an image one of them embeds. Our own text, written for tests.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A 4×3 red PNG. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEklEQVR4nGP4z8AARwzEcQAAoD8R7/eZ0PAAAAAASUVORK5CYII=",
  "base64",
);

export const ORIGINALS = [
  "The new rule adds forty companies to the Entity List and takes effect today.",
  "Exporters now need a licence for every shipment of advanced chips to these buyers.",
  "Officials said the measure answers the gallium and germanium restrictions announced last month.",
];

const CHINESE = [
  "新规将四十家企业列入实体清单，即日起生效。",
  "出口商向这些买家运送先进芯片，每一批都需要许可证。",
  "官员表示，这项措施是对上月宣布的镓和锗限制的回应。",
];

export function transcriptNote(): string {
  const blocks = CHINESE.map(
    (zh, i) => `${zh}\n\n<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">${ORIGINALS[i]}</p>\n</details>`,
  );
  return [
    "---",
    "title: 出口管制新规访谈实录",
    "date: 2025-03-01",
    "tags: [export-controls]",
    "---",
    "## 访谈",
    "",
    ...blocks.flatMap((b) => [b, ""]),
    "另见 [[Entity List basics|实体清单入门]]。",
    "",
  ].join("\n");
}

export async function writeTranscriptFixture(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-transcripts-"));
  await fs.mkdir(path.join(dir, "notes", "assets"), { recursive: true });
  await fs.writeFile(path.join(dir, "notes", "interview.md"), transcriptNote());
  await fs.writeFile(
    path.join(dir, "notes", "Entity List basics.md"),
    [
      "---",
      "title: 实体清单入门",
      "date: 2025-02-01",
      "author: \"[[王明]]\"",
      "---",
      "## 什么是实体清单",
      "",
      "实体清单由美国商务部维护。见 [[interview]] 与 [[interview#访谈|访谈部分]]，以及 [[不存在的笔记]]。",
      "",
      "![[map.png]]",
      "",
    ].join("\n"),
  );
  await fs.writeFile(path.join(dir, "notes", "assets", "map.png"), PNG);
  await fs.writeFile(path.join(dir, "plain.md"), "---\ntitle: 普通笔记\ndate: 2025-01-05\n---\n没有原文的普通笔记。\n");
  return dir;
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { REPO_ROOT } from "../helpers/fixture.js";

/** The pages whose code blocks and links are checked: the README and every page of docs/. */
export function documentationPages(): string[] {
  const docs = readdirSync(path.join(REPO_ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  return ["README.md", ...docs];
}

/** A fenced code block of a page. */
export interface CodeBlock {
  /** Page path relative to the repository root, e.g. `docs/testing.md`. */
  page: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The first word of the info string (`ts`, `sh`, …); "" when there is none. */
  lang: string;
  /** The block's text, without the fence's indentation, ending with a newline. */
  code: string;
  /** The reason given by a first line `// fragment: <reason>` or `# fragment: <reason>`. */
  fragment?: string;
}

export function where(block: CodeBlock): string {
  return `${block.page}:${block.line} (\`\`\`${block.lang})`;
}

export function readPage(page: string): string {
  return readFileSync(path.join(REPO_ROOT, page), "utf8");
}

/** Every fenced block (``` or ~~~, indented or not, as in list items) of a page. */
export function codeBlocks(page: string, text = readPage(page)): CodeBlock[] {
  const lines = text.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (open === null) {
      continue;
    }
    const [, indent, fence, lang] = open as unknown as [string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(fence)) {
      body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!.trimStart());
      j++;
    }
    if (j === lines.length) {
      throw new Error(`${page}:${i + 1}: a code block is never closed`);
    }
    const fragment = /^(?:\/\/|#) fragment: (\S.*)$/.exec(body[0] ?? "")?.[1];
    blocks.push({ page, line: i + 1, lang, code: `${body.join("\n")}\n`, ...(fragment !== undefined ? { fragment } : {}) });
    i = j;
  }
  return blocks;
}

/** The page's text with the contents of fenced blocks blanked out (line numbers kept). */
export function withoutFences(page: string, text: string): string {
  const lines = text.split("\n");
  for (const block of codeBlocks(page, text)) {
    const length = block.code.split("\n").length - 1;
    for (let i = block.line - 1; i <= block.line + length; i++) {
      lines[i] = "";
    }
  }
  return lines.join("\n");
}

/** The page's text outside fenced blocks and inline code spans (for finding links). */
export function prose(page: string, text: string): string {
  return withoutFences(page, text).replace(/`[^`\n]*`/g, "``");
}

/** GitHub's anchors for a page's headings (`## The \`migrate\` options` → `the-migrate-options`). */
export function headingAnchors(page: string, text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of withoutFences(page, text).matchAll(/^#{1,6} +(.+?) *#* *$/gm)) {
    const base = match[1]!
      .toLowerCase()
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Relative links of a page, `[text](target)`, outside code. */
export function relativeLinks(page: string, text: string): string[] {
  return [...prose(page, text).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

import { expect } from "chai";

import { type CodeBlock, codeBlocks, where } from "./markdown.js";

/**
 * What may differ between two runs: durations, the project's path, transaction hashes (they cover
 * each file's content hash: a changed comment in a page's migration changes them), and the
 * network's name (the fixture project calls its node `testnode`, the pages `localhost`).
 */
export function normalizeOutput(output: string): string[] {
  return output
    .replace(/\btestnode\b/g, "localhost")
    // Durations vary with the machine: "22 ms", "1.06 s" are the same duration to a reader.
    .replace(/\b\d+(\.\d+)? (ms|s)\b/g, "<duration>")
    .replace(/^Registry: (?!memory).*$/gm, "Registry: <path>")
    .replace(/\b0x[0-9a-f]{64}\b/g, "<hash>")
    .split("\n")
    .filter((line) => line.trim() !== "");
}

/**
 * The output a page shows must be the real one: the block of `page` starting with `start` equals
 * `actual` (normalized), or, when its first line is `…`, the rest of it is a part of `actual`.
 * The message says which block to update.
 */
export function expectShown(actual: string, page: string, start: string): void {
  const block = blockStarting(page, start);
  const message = `${where(block)} is not what the command prints: paste the real output (below, as +/-) into it.\nThe command printed:\n${actual}`;
  const shown = normalizeOutput(block.code);
  const printed = normalizeOutput(actual);
  if (shown[0] !== "…") {
    expect(printed, message).to.deep.equal(shown);
    return;
  }
  const part = shown.slice(1);
  const at = printed.findIndex((line) => line === part[0]);
  expect(at === -1 ? printed : printed.slice(at, at + part.length), message).to.deep.equal(part);
}

function blockStarting(page: string, start: string): CodeBlock {
  const found = codeBlocks(page).filter((block) => block.lang === "output" && block.code.startsWith(start));
  expect(found, `${page} has one output block starting with "${start}"`).to.have.length(1);
  return found[0]!;
}

/** The migration files a page prints in its ```ts blocks, by the file name of their first line (`// migrations/<name>`). */
export function pageMigrations(page: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const block of codeBlocks(page).filter((b) => b.lang === "ts")) {
    const name = /^\/\/ migrations\/(\S+)/.exec(block.code)?.[1];
    if (name !== undefined) {
      files[name] = block.code;
    }
  }
  return files;
}

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

const SRC = path.resolve(import.meta.dirname, "../../src");

/** Every .ts file under `dir`, as paths relative to src/. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.relative(SRC, path.join(e.parentPath, e.name)))
    .sort();
}

/** The src/ files a file imports or re-exports (type-only imports included), by relative specifier. */
function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
    const specifier = match[1] ?? match[2]!;
    found.push(path.normalize(path.join(path.dirname(file), specifier.replace(/\.js$/, ".ts"))));
  }
  return found;
}

/** The import cycles among `graph`'s files, each as the list of files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") {
        found.push([...stack.slice(stack.indexOf(next)), next]);
      } else if (state.get(next) === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) {
    if (state.get(file) === undefined) visit(file);
  }
  return found;
}

describe("the source tree", () => {
  it("has no import cycle between files of src/ (type-only imports count)", async () => {
    const graph = new Map<string, string[]>();
    for (const file of await sourceFiles(SRC)) {
      graph.set(file, importsOf(file, await readFile(path.join(SRC, file), "utf8")));
    }
    expect(graph.size).to.be.greaterThan(50);
    expect(cycles(graph).map((c) => c.join(" -> "))).to.deep.equal([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cycles(graph)).to.deep.equal([["a.ts", "b.ts", "c.ts", "a.ts"]]);
  });
});

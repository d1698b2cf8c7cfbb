// Every fenced block of README.md and docs/*.md is checked by what it claims to be, and every
// relative link resolves. How to mark a block: docs/developing.md, "Documentation".
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { expect } from "chai";

import { REPO_ROOT } from "../helpers/fixture.js";

import { CommandLineChecker } from "./cli-lines.js";
import { type CodeBlock, codeBlocks, documentationPages, headingAnchors, readPage, relativeLinks, where } from "./markdown.js";
import { typecheckBlocks } from "./typecheck-blocks.js";

const require = createRequire(import.meta.url);

/** What each fence language means, and so how it is checked. */
const LANGUAGES = {
  ts: "TypeScript, type-checked as a module of a Hardhat 3 project with this plugin",
  sh: "commands; each `npx hardhat …` / `npm …` line must exist as written",
  json: "JSON, parsed",
  jsonl: "JSON lines, each parsed",
  solidity: "Solidity, compiled with solc-js",
  output: "captured terminal output, shown as is",
  text: "a diagram or a layout (a file tree), shown as is: not code, not output",
} as const;

/** Fragments are skipped: keep them rare. */
const MAX_FRAGMENTS = 3;

const pages = documentationPages();
const blocks = pages.flatMap((page) => codeBlocks(page));
const checked = blocks.filter((block) => block.fragment === undefined);
const ofLang = (lang: string) => checked.filter((block) => block.lang === lang);

function failures(list: Array<[CodeBlock, string[]]>): string {
  return list
    .filter(([, problems]) => problems.length > 0)
    .map(([block, problems]) => `${where(block)}:\n  ${problems.join("\n  ")}`)
    .join("\n");
}

describe("the code blocks of README.md and docs/", function () {
  it("say what they are: every fence names a known language", () => {
    const unknown = blocks.filter((block) => !(block.lang in LANGUAGES)).map(where);
    expect(unknown, `use one of: ${Object.keys(LANGUAGES).join(", ")} (captured terminal output is \`\`\`output)`).to.deep.equal([]);
  });

  it(`skip few blocks, each with a reason (at most ${MAX_FRAGMENTS} fragments)`, () => {
    const fragments = blocks.filter((block) => block.fragment !== undefined);
    expect(fragments.map((block) => `${where(block)}: ${block.fragment}`)).to.have.length.at.most(MAX_FRAGMENTS);
  });

  it("type-check: every ts block compiles against the plugin's types", async function () {
    this.timeout(120_000);
    const list = ofLang("ts");
    expect(list.length).to.be.greaterThan(10);
    // A wrong block in the same run shows the check can fail (and costs no second compiler run).
    const wrong: CodeBlock = {
      page: "(a wrong block)",
      line: 1,
      lang: "ts",
      code: 'import hre from "hardhat";\nconst gas: number = (await hre.migrations.run()).gasUsed;\nawait hre.migrations.runn();\n',
    };
    const diagnostics = await typecheckBlocks([...list, wrong]);
    expect(diagnostics.at(-1)!.join("\n")).to.match(/line 2: Type 'bigint' is not assignable to type 'number'/).and.match(/line 3: Property 'runn' does not exist/);
    const report = failures(list.map((block, i) => [block, diagnostics[i]!]));
    expect(report, report).to.equal("");
  });

  it("name real commands: every sh line is a task, subtask and options the project defines", async function () {
    this.timeout(60_000);
    const checker = await CommandLineChecker.create();
    expect(checker.check("npx hardhat migrate down --steps 2 --network localhost\nnpx hardhat node --port 8546 --chain-id 31338\nnpm run docs:errors\n")).to.deep.equal([]);
    expect(checker.check("npx hardhat migrate --bogus\nnpx hardhat migrate stauts\nnpx hardhat migrate store\nnpm run nope\nrm -rf deployments\n")).to.deep.equal([
      "line 1: `npx hardhat migrate --bogus`: --bogus is not an option of `hardhat migrate`",
      'line 2: `npx hardhat migrate stauts`: `hardhat migrate` takes 0 positional argument(s); "stauts" is one too many (or a misspelled subtask)',
      "line 3: `npx hardhat migrate store`: `hardhat migrate store` needs a subtask",
      'line 4: `npm run nope`: package.json has no script "nope"',
      "line 5: `rm -rf deployments`: not a command these docs know how to check (npm …, npx hardhat …)",
    ]);
    const list = ofLang("sh");
    const report = failures(list.map((block) => [block, checker.check(block.code)]));
    expect(report, report).to.equal("");
  });

  it("parse: every json and jsonl block is valid JSON", () => {
    const parse = (text: string): string[] => {
      try {
        JSON.parse(text);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    };
    const report = failures([
      ...ofLang("json").map((block): [CodeBlock, string[]] => [block, parse(block.code)]),
      ...ofLang("jsonl").map((block): [CodeBlock, string[]] => [
        block,
        block.code.split("\n").filter((line) => line.trim() !== "").flatMap((line, i) => parse(line).map((e) => `line ${i + 1}: ${e}`)),
      ]),
    ]);
    expect(report, report).to.equal("");
  });

  it("compile: every solidity block compiles with solc-js (imports from node_modules)", function () {
    this.timeout(60_000);
    const solc = require("solc") as { compile(input: string, callbacks: { import(file: string): { contents: string } | { error: string } }): string };
    const findImport = (file: string) => {
      try {
        return { contents: require("node:fs").readFileSync(require.resolve(file), "utf8") as string };
      } catch {
        return { error: `not found: ${file}` };
      }
    };
    const list = ofLang("solidity");
    const report = failures(
      list.map((block): [CodeBlock, string[]] => {
        const source = /pragma solidity/.test(block.code) ? block.code : `// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n${block.code}`;
        const input = { language: "Solidity", sources: { "Block.sol": { content: source } }, settings: { outputSelection: {} } };
        const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as {
          errors?: Array<{ severity: string; formattedMessage: string }>;
        };
        return [block, (output.errors ?? []).filter((e) => e.severity === "error").map((e) => e.formattedMessage)];
      }),
    );
    expect(report, report).to.equal("");
  });
});

describe("the links of README.md and docs/", () => {
  it("anchors are GitHub's: lower case, punctuation dropped, spaces to dashes, repeats numbered", () => {
    const text = "# Live networks: journal, resume and safety\n## The `migrate` options\n```sh\n# not a heading\n```\n## Fields\n## Fields\n";
    expect([...headingAnchors("x.md", text)]).to.deep.equal(["live-networks-journal-resume-and-safety", "the-migrate-options", "fields", "fields-1"]);
  });

  it("resolve: every relative link names an existing file, and an existing heading after #", () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readPage(page);
      for (const link of relativeLinks(page, text)) {
        const [file, anchor] = link.split("#") as [string, string | undefined];
        const target = file === "" ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
        if (!existsSync(path.join(REPO_ROOT, target))) {
          broken.push(`${page}: (${link}): no file ${target}`);
          continue;
        }
        if (anchor !== undefined && target.endsWith(".md") && !headingAnchors(target, readPage(target)).has(anchor)) {
          broken.push(`${page}: (${link}): ${target} has no heading #${anchor}`);
        }
      }
    }
    expect(broken, broken.join("\n")).to.deep.equal([]);
  });
});

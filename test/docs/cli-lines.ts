import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";
import { createHardhatRuntimeEnvironment } from "hardhat/hre";
import { ArgumentType } from "hardhat/types/arguments";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Task } from "hardhat/types/tasks";

import migrations from "../../src/index.js";
import { REPO_ROOT, tempDir } from "../helpers/fixture.js";

/**
 * Checks the command lines of `sh` blocks against what really exists: `npx hardhat …` against the
 * tasks, options and positional arguments of a Hardhat project with this plugin (and the plugins
 * the docs use), `npm run X` against package.json's scripts.
 */
export class CommandLineChecker {
  private constructor(
    private readonly hre: HardhatRuntimeEnvironment,
    private readonly scripts: ReadonlySet<string>,
  ) {}

  static async create(): Promise<CommandLineChecker> {
    const root = await tempDir("hhm-docs-cli-");
    await writeFile(path.join(root, "package.json"), JSON.stringify({ name: "docs-cli", private: true, type: "module" }));
    const hre = await createHardhatRuntimeEnvironment(
      { plugins: [hardhatEthers, hardhatMocha, hardhatNetworkHelpers, migrations] },
      {},
      root,
    );
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    return new CommandLineChecker(hre, new Set(Object.keys(pkg.scripts)));
  }

  /** The problems of one block's command lines; none when every line is a real command. */
  check(code: string): string[] {
    const problems: string[] = [];
    for (const [index, raw] of code.split("\n").entries()) {
      const line = raw.replace(/^\$ /, "").replace(/(^|\s)#.*$/, "").trim();
      if (line === "") {
        continue;
      }
      const problem = this.checkLine(line.split(/\s+/));
      if (problem !== undefined) {
        problems.push(`line ${index + 1}: \`${line}\`: ${problem}`);
      }
    }
    return problems;
  }

  private checkLine(words: string[]): string | undefined {
    if (words[0] === "npm") {
      if (words[1] === "run") {
        return this.scripts.has(words[2] ?? "") ? undefined : `package.json has no script "${words[2]}"`;
      }
      if (words[1] === "test" || words[1] === "install" || words[1] === "ci") {
        return undefined;
      }
      return `unexpected npm command "${words[1]}"`;
    }
    if (words[0] === "npx" && words[1] === "hardhat") {
      return this.checkHardhat(words.slice(2));
    }
    return `not a command these docs know how to check (npm …, npx hardhat …)`;
  }

  private checkHardhat(words: string[]): string | undefined {
    const globals = this.hre.globalOptions as unknown as Record<string, unknown>;
    const isGlobal = (name: string) => name in globals || ["help", "version", "init", "config"].includes(name);
    const globalIsFlag = (name: string) => typeof globals[name] === "boolean" || ["help", "version", "init"].includes(name);

    let task: Task | undefined;
    let positionals = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (word.startsWith("--")) {
        const name = word.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
        const option = task?.options.get(name);
        if (option !== undefined) {
          if (option.type !== ArgumentType.FLAG && option.type !== ArgumentType.BOOLEAN) {
            i++;
          }
          continue;
        }
        if (isGlobal(name)) {
          if (!globalIsFlag(name)) {
            i++;
          }
          continue;
        }
        return `${word} is not an option of \`hardhat ${task?.id.join(" ") ?? ""}\``;
      }
      const subtask = task === undefined ? this.hre.tasks.rootTasks.get(word) : task.subtasks.get(word);
      if (subtask !== undefined && positionals === 0) {
        task = subtask;
        continue;
      }
      if (task === undefined) {
        return `no task "${word}"`;
      }
      positionals++;
      if (positionals > task.positionalArguments.length) {
        return `\`hardhat ${task.id.join(" ")}\` takes ${task.positionalArguments.length} positional argument(s); "${word}" is one too many (or a misspelled subtask)`;
      }
    }
    if (task === undefined) {
      return "no task";
    }
    if (task.isEmpty) {
      return `\`hardhat ${task.id.join(" ")}\` needs a subtask`;
    }
    const required = task.positionalArguments.filter((argument) => argument.defaultValue === undefined && !argument.isVariadic).length;
    return positionals < required ? `\`hardhat ${task.id.join(" ")}\` needs ${required} positional argument(s)` : undefined;
  }
}

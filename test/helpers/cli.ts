import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { REPO_ROOT } from "./fixture.js";

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npx hardhat <args>` in `cwd` as a user would: the project's own Hardhat when it has one
 * (a fresh user project), else this repository's (fixture projects), under this Node.
 */
export function runHardhat(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const own = path.join(cwd, "node_modules", "hardhat", "dist", "src", "cli.js");
  const hardhatBin = existsSync(own) ? own : HARDHAT_CLI;
  return runNodeScript(hardhatBin, args, { cwd, env: { ...userEnvironment(), FORCE_COLOR: "0", NO_COLOR: "1", ...env } });
}

/** This repository's Hardhat command line. */
export const HARDHAT_CLI = path.join(REPO_ROOT, "node_modules", "hardhat", "dist", "src", "cli.js");

/** Runs `node <script> <args>` under this Node, no input, and resolves its exit code and output. */
export function runNodeScript(script: string, args: string[], options: Pick<SpawnOptions, "cwd" | "env" | "uid" | "gid">): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** This process's environment as on a user's machine: without CI markers (Hardhat prints stack traces on CI). */
function userEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["CI", "CONTINUOUS_INTEGRATION", "BUILD_NUMBER", "RUN_ID", "GITHUB_ACTIONS"]) {
    delete env[key];
  }
  return env;
}

/** Starts `hardhat <args>` in `cwd` without waiting: for commands a test stops (or kills) itself. */
export function spawnHardhat(cwd: string, args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [HARDHAT_CLI, ...args], {
    cwd,
    env: { ...userEnvironment(), FORCE_COLOR: "0", NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

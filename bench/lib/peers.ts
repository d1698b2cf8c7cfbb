import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";

import { PEERS_MANIFEST_DIR, REPO_ROOT, TRUFFLE_CLI, WORK_DIR } from "./paths.js";

/**
 * Installs the tools we compare against into bench/.work/node_modules from bench/peers/ (a
 * committed manifest and lock), with npm and the npm registry only. Peer dependencies are not
 * installed (`--legacy-peer-deps`): Ignition and hardhat-deploy resolve `hardhat` and
 * `@nomicfoundation/hardhat-ethers` upwards, to this repository's install — the same Hardhat 3
 * our plugin runs on. Skipped when the installed manifest is the committed one.
 */
export async function ensurePeers(log: (line: string) => void): Promise<void> {
  await mkdir(WORK_DIR, { recursive: true });
  const manifest = await readFile(path.join(PEERS_MANIFEST_DIR, "package.json"), "utf8");
  const installed = path.join(WORK_DIR, "package.json");
  if (existsSync(installed) && (await readFile(installed, "utf8")) === manifest && existsSync(TRUFFLE_CLI)) {
    return;
  }
  log("Installing the peers (Ignition, hardhat-deploy v2, Truffle, Ganache) into bench/.work/ …");
  await copyFile(path.join(PEERS_MANIFEST_DIR, "package.json"), installed);
  const lock = path.join(PEERS_MANIFEST_DIR, "package-lock.json");
  if (existsSync(lock)) {
    await copyFile(lock, path.join(WORK_DIR, "package-lock.json"));
  }
  const npm = path.join(REPO_ROOT, "node_modules", ".bin", "npm");
  const result = spawnSync(existsSync(npm) ? npm : "npm", ["install", "--legacy-peer-deps", "--no-audit", "--no-fund"], {
    cwd: WORK_DIR,
    stdio: "inherit",
    env: { ...process.env, PATH: `${path.join(REPO_ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` },
  });
  if (result.status !== 0) {
    throw new Error("Installing the bench peers failed (see npm's output above).");
  }
}

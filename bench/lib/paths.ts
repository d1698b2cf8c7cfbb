import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BENCH_DIR = path.join(REPO_ROOT, "bench");
/** Generated projects, installed peers and results: gitignored. */
export const WORK_DIR = path.join(BENCH_DIR, ".work");
export const PEERS_MANIFEST_DIR = path.join(BENCH_DIR, "peers");

/** The one Hardhat 3 install every Hardhat-based tool runs on: this repository's. */
export const HARDHAT_CLI = path.join(REPO_ROOT, "node_modules", "hardhat", "dist", "src", "cli.js");
export const TRUFFLE_CLI = path.join(WORK_DIR, "node_modules", "truffle", "build", "cli.bundled.js");

const require = createRequire(import.meta.url);
/** solc 0.8.37 as emscripten JS (no download): used by every tool in the bench. */
export const SOLJSON = require.resolve("solc/soljson.js");
export const SOLC_VERSION = "0.8.37";

/** Our plugin as a user's project loads it: the compiled package entry. */
export const OUR_PLUGIN_ENTRY = path.join(REPO_ROOT, "dist", "src", "index.js");

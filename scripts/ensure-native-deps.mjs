// Hardhat 3 needs Node >= 22, and EDR's native package declares `engines: { node: ">= 22" }`,
// so an `npm install` run by an older Node silently skips it. The `node` devDependency puts a
// Node 22 binary first on PATH for every npm script (this one included); when the native package
// is missing we re-run the install under that Node so npm includes it. Users of the published
// plugin never run this: it runs as `prepare`, which npm runs for this repository only.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const GUARD = "HARDHAT_MIGRATIONS_ENSURE_NATIVE";
const major = Number(process.versions.node.split(".")[0]);

function edrLoads() {
  const requireFromHere = createRequire(path.join(process.cwd(), "package.json"));
  try {
    requireFromHere("@nomicfoundation/edr");
    return true;
  } catch {
    return false;
  }
}

if (process.env[GUARD] !== undefined || edrLoads()) {
  process.exit(0);
}
if (major < 22) {
  console.error(
    `hardhat-migrations: Node ${process.versions.node} runs this install and node_modules/.bin/node is missing; ` +
      "install Node >= 22 or re-run `npm install`.",
  );
  process.exit(1);
}
const npmCli = process.env.npm_execpath;
const [command, args] =
  npmCli !== undefined && npmCli.endsWith(".js")
    ? [process.execPath, [npmCli, "install", "--no-audit", "--no-fund"]]
    : ["npm", ["install", "--no-audit", "--no-fund"]];
console.log(`hardhat-migrations: installing EDR's native package under Node ${process.versions.node}`);
const result = spawnSync(command, args, {
  stdio: "inherit",
  env: { ...process.env, [GUARD]: "1" },
});
if (result.status !== 0 || !edrLoads()) {
  console.error("hardhat-migrations: EDR's native package could not be installed; see the npm output above.");
  process.exit(1);
}

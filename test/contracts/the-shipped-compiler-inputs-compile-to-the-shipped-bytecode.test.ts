import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import solc from "solc";

import { MIGRATOR_ADMIN_ARTIFACT, MIGRATOR_ARTIFACT } from "../../src/generated/migrator-artifact.js";
import { PROXY_ARTIFACTS } from "../../src/generated/proxy-artifacts.js";
import { REPO_ROOT } from "../helpers/fixture.js";

type Output = { errors?: Array<{ severity: string; formattedMessage: string }>; contracts: Record<string, Record<string, { evm: { bytecode: { object: string } } }>> };

/** Compiles a shipped standard-JSON input on its own (no import callback: every source must be in it). */
async function compileShipped(file: string): Promise<Output> {
  const input = JSON.parse(await readFile(path.join(REPO_ROOT, "contracts", file), "utf8")) as { settings: Record<string, unknown> };
  const output = JSON.parse(solc.compile(JSON.stringify({ ...input, settings: { ...input.settings, outputSelection: { "*": { "*": ["evm.bytecode.object"] } } } }))) as Output;
  expect((output.errors ?? []).filter((e) => e.severity === "error").map((e) => e.formattedMessage)).to.deep.equal([]);
  return output;
}

describe("the compiler inputs the package ships", function () {
  this.timeout(300_000);

  it("contracts/Migrator.solc-input.json compiles to the Migrator and MigratorAdmin the plugin deploys", async () => {
    const output = await compileShipped("Migrator.solc-input.json");
    for (const artifact of [MIGRATOR_ARTIFACT, MIGRATOR_ADMIN_ARTIFACT]) {
      expect(`0x${output.contracts[artifact.sourceName]![artifact.contractName]!.evm.bytecode.object}`, artifact.contractName).to.equal(artifact.bytecode);
    }
  });

  it("contracts/proxies.solc-input.json compiles to the proxies and ProxyAdmin the plugin deploys", async () => {
    const output = await compileShipped("proxies.solc-input.json");
    for (const [name, artifact] of Object.entries(PROXY_ARTIFACTS)) {
      expect(`0x${output.contracts[artifact.sourceName]![name]!.evm.bytecode.object}`, name).to.equal(artifact.bytecode);
    }
  });
});

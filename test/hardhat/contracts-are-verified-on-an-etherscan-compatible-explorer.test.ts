import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { runHardhat, type CliResult } from "../helpers/cli.js";
import { fixtureRoot, REPO_ROOT } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { createVerificationProject, editCounterAndSetKeptInputAside } from "../helpers/verification-project.js";
import { startLocalEtherscan, type LocalEtherscan } from "../helpers/local-etherscan.js";
import { rpc } from "../helpers/rpc.js";

const CHAIN_ID = 4242;

interface Entry {
  address: string;
  transactionHash: string;
  proxy?: { implementation: string; implementationVerification?: Record<string, { status: string }> };
  buildInfoId?: string;
  verification?: Record<string, { status: string; url?: string; message?: string }>;
}

/** A user project: the `verification` fixture's contracts, hardhat-verify loaded, the explorer in chainDescriptors. */
async function createProject(): Promise<string> {
  return createVerificationProject("verify", `  chainDescriptors: {
    ${CHAIN_ID}: {
      name: "Local chain",
      blockExplorers: {
        etherscan: {
          name: "LocalScan",
          url: process.env.TEST_EXPLORER_URL ?? "http://127.0.0.1:1",
          apiUrl: process.env.TEST_EXPLORER_API_URL ?? "http://127.0.0.1:1/api",
        },
      },
    },
  },
  verify: { etherscan: { apiKey: "local-etherscan-key" } },
`);
}

describe("contracts are verified on an Etherscan-compatible explorer", function () {
  let node: RunningNode;
  let explorer: LocalEtherscan;
  let project: string;
  let hardhat: (args: string[]) => Promise<CliResult>;

  const registry = async (): Promise<Record<string, Entry>> =>
    (JSON.parse(await readFile(path.join(project, "deployments", `${CHAIN_ID}.json`), "utf8")) as { contracts: Record<string, Entry> }).contracts;
  /** What the explorer itself says of an address (its public `getsourcecode`). */
  const explorerHasSource = async (address: string): Promise<boolean> => {
    const response = await fetch(`${explorer.apiUrl}?module=contract&action=getsourcecode&address=${address}&apikey=${explorer.apiKey}`);
    const body = (await response.json()) as { result: Array<{ SourceCode: string }> };
    return body.result[0]!.SourceCode !== "";
  };
  const migratorRecord = async () =>
    (JSON.parse(await readFile(path.join(project, "deployments", `${CHAIN_ID}.json`), "utf8")) as {
      migrator: { address: string; admin: string; transactionHash: string; verification?: Record<string, { status: string }>; adminVerification?: Record<string, { status: string }> };
    }).migrator;
  const migration = (file: string, body: string) => writeFile(path.join(project, "migrations", file), `export default async function ({ deploy, deployProxy }) {\n${body}\n}\n`);

  before(async function () {
    node = await startHardhatNode(fixtureRoot("basic"), undefined, ["--chain-id", String(CHAIN_ID)]);
    explorer = await startLocalEtherscan(node.url);
    project = await createProject();
    const env = { TEST_RPC_URL: node.url, TEST_EXPLORER_URL: explorer.url, TEST_EXPLORER_API_URL: explorer.apiUrl };
    hardhat = (args) => runHardhat(project, args, env);
  });

  after(async function () {
    await explorer?.stop();
    await node?.stop();
  });

  it("migrate --verify verifies a plain contract, a library-linked one, one with constructor arguments, a proxy and its implementation, and the Migrator, as their migration completes", async function () {
    await migration(
      "1_deploy.ts",
      `  await deploy("Greeter");
  await deploy("MathLib");
  await deploy("Calculator", { libraries: { MathLib: "MathLib" } });
  await deploy("Vault", ["Savings", 42n, "0x000000000000000000000000000000000000dEaD"]);
  await deployProxy("Box", [7n]);`,
    );
    const run = await hardhat(["migrate", "--network", "live", "--verify"]);
    expect(run.code, run.stdout + run.stderr).to.equal(0);

    const entries = await registry();
    for (const name of ["Greeter", "MathLib", "Calculator", "Vault"]) {
      const entry = entries[name]!;
      expect(entry.verification?.etherscan, name).to.deep.equal({ status: "verified", url: `${explorer.url}/address/${entry.address}#code` });
      expect(await explorerHasSource(entry.address), name).to.equal(true);
      expect(run.stdout).to.include(`verified: ${name} at ${entry.address}`);
    }
    // A proxy's implementation verifies from its kept build; the proxy contract from the input the plugin ships.
    const box = entries.Box!;
    expect(box.proxy?.implementationVerification?.etherscan?.status).to.equal("verified");
    expect(await explorerHasSource(box.proxy!.implementation)).to.equal(true);
    expect(box.verification?.etherscan?.status).to.equal("verified");
    expect(await explorerHasSource(box.address)).to.equal(true);
    expect(run.stdout).to.include(`verified: Box (proxy) at ${box.address}`);
    // The Migrator and its MigratorAdmin, from contracts/Migrator.solc-input.json.
    const migrator = await migratorRecord();
    expect(migrator.verification?.etherscan?.status).to.equal("verified");
    expect(migrator.adminVerification?.etherscan?.status).to.equal("verified");
    expect(await explorerHasSource(migrator.address)).to.equal(true);
    expect(await explorerHasSource(migrator.admin)).to.equal(true);
    expect(run.stdout).to.include(`verified: Migrator at ${migrator.address}`);
    expect(run.stdout).to.include(`verified: MigratorAdmin at ${migrator.admin}`);
    const names = explorer.submissions.map((s) => s.contractName);
    expect(names).to.include("hardhat-migrations/contracts/Migrator.sol:Migrator");
    expect(names).to.include("@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol:TransparentUpgradeableProxy");
    // The explorer recompiled each and found it equal to the chain's code: eight passes, nothing else.
    expect(explorer.submissions.map((s) => s.verdict)).to.deep.equal(Array(8).fill("Pass - Verified"));
    // The compiler input is kept under the registry directory, named by the recorded build id.
    const kept = JSON.parse(await readFile(path.join(project, "deployments", "build-info", `${entries.Vault!.buildInfoId}.json`), "utf8")) as {
      input: { sources: Record<string, unknown> };
    };
    expect(Object.keys(kept.input.sources)).to.include("project/contracts/Vault.sol");
  });

  it("the local explorer really checks: other constructor arguments or another compiler version are refused", async function () {
    const vault = (await registry()).Vault!;
    const kept = JSON.parse(await readFile(path.join(project, "deployments", "build-info", `${vault.buildInfoId}.json`), "utf8")) as {
      input: unknown;
      solcLongVersion: string;
      contracts: Record<string, { creationCodeLength: number }>;
    };
    const tx = await rpc<{ input: string }>(node.url, "eth_getTransactionByHash", [vault.transactionHash]);
    const args = tx.input.slice(2 + kept.contracts["contracts/Vault.sol:Vault"]!.creationCodeLength * 2);
    const submit = async (fields: Record<string, string>) => {
      const form = new URLSearchParams({
        contractaddress: vault.address,
        sourceCode: JSON.stringify(kept.input),
        codeformat: "solidity-standard-json-input",
        contractname: "project/contracts/Vault.sol:Vault",
        compilerversion: `v${kept.solcLongVersion}`,
        constructorArguments: args,
        ...fields,
      });
      await fetch(`${explorer.apiUrl}?module=contract&action=verifysourcecode&apikey=${explorer.apiKey}`, { method: "POST", body: form });
      return explorer.submissions.at(-1)!.verdict;
    };
    explorer.forget(vault.address); // judge it again
    const otherArgs = args.slice(0, -1) + (args.endsWith("0") ? "1" : "0");
    expect(await submit({ constructorArguments: otherArgs })).to.match(/correct constructor argument/);
    expect(await submit({ compilerversion: "v0.8.20+commit.a1b79de6" })).to.match(/only has solc/);
    expect(await submit({})).to.equal("Pass - Verified");
  });

  it("the Migrator's shipped input is what the explorer accepts: an edited source or another contract name is refused", async function () {
    const migrator = await migratorRecord();
    const shipped = JSON.parse(await readFile(path.join(REPO_ROOT, "contracts", "Migrator.solc-input.json"), "utf8")) as { sources: Record<string, { content: string }> };
    const tx = await rpc<{ input: string; to: string | null }>(node.url, "eth_getTransactionByHash", [migrator.transactionHash]);
    const args = tx.input.slice(-128);
    const sourceName = "hardhat-migrations/contracts/Migrator.sol";
    const submit = async (input: unknown, contractName = `${sourceName}:Migrator`) => {
      const form = new URLSearchParams({
        contractaddress: migrator.address,
        sourceCode: JSON.stringify(input),
        codeformat: "solidity-standard-json-input",
        contractname: contractName,
        compilerversion: explorer.submissions.find((s) => s.contractName.endsWith(":Migrator"))!.compilerVersion,
        constructorArguments: args,
      });
      await fetch(`${explorer.apiUrl}?module=contract&action=verifysourcecode&apikey=${explorer.apiKey}`, { method: "POST", body: form });
      return explorer.submissions.at(-1)!.verdict;
    };
    explorer.forget(migrator.address);
    const source = shipped.sources[sourceName]!.content;
    const edited = { ...shipped, sources: { [sourceName]: { content: source.replace("contract Migrator is", "// edited after deployment\ncontract Migrator is") } } };
    expect(await submit(edited)).to.match(/does NOT match/);
    expect(await submit(shipped, `${sourceName}:MigratorAdmin`)).to.match(/does NOT match/);
    expect(await submit(shipped)).to.equal("Pass - Verified");
  });

  it("a verification refused while the explorer is down is recorded, and migrate verify retries only it", async function () {
    await migration("2_second_greeter.ts", `  await deploy("Greeter", { as: "SecondGreeter" });`);
    explorer.available = false;
    const run = await hardhat(["migrate", "--network", "live", "--verify"]);
    explorer.available = true;
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.include("NOT verified: SecondGreeter");
    const failed = (await registry()).SecondGreeter!;
    expect(failed.verification?.etherscan?.status).to.equal("failed");
    expect(failed.verification?.etherscan?.message).to.include("503");
    expect(await explorerHasSource(failed.address)).to.equal(false);

    const submitted = explorer.submissions.length;
    const retry = await hardhat(["migrate", "verify", "--network", "live"]);
    expect(retry.code, retry.stdout + retry.stderr).to.equal(0);
    expect((await registry()).SecondGreeter!.verification?.etherscan?.status).to.equal("verified");
    expect(await explorerHasSource(failed.address)).to.equal(true);
    // Only the failed one was submitted again.
    expect(explorer.submissions.slice(submitted).map((s) => s.address)).to.deep.equal([failed.address.toLowerCase()]);
  });

  it("a source edited after deploy is refused by the explorer, the registry says so, and the kept compiler input verifies it", async function () {
    await migration("3_counter.ts", `  await deploy("Counter");`);
    const deployed = await hardhat(["migrate", "--network", "live"]);
    expect(deployed.code, deployed.stdout + deployed.stderr).to.equal(0);
    const counter = (await registry()).Counter!;
    expect(counter.verification).to.equal(undefined);
    // The source changes after the deployment, and Hardhat's artifacts with it; the kept input is set aside.
    const kept = await editCounterAndSetKeptInputAside(project, counter.buildInfoId, hardhat);

    const refused = await hardhat(["migrate", "verify", "--network", "live"]);
    expect(refused.code).to.not.equal(0);
    expect(refused.stdout + refused.stderr).to.include("HHM322");
    const record = (await registry()).Counter!.verification?.etherscan;
    expect(record?.status).to.equal("failed");
    expect(record?.message).to.include("does NOT match");
    expect(record?.message).to.include("submitted the current sources");
    expect(explorer.submissions.at(-1)?.verdict).to.match(/^Fail - Unable to verify/);
    expect(await explorerHasSource(counter.address)).to.equal(false);

    await kept.restore();
    const verified = await hardhat(["migrate", "verify", "--network", "live"]);
    expect(verified.code, verified.stdout + verified.stderr).to.equal(0);
    expect((await registry()).Counter!.verification?.etherscan?.status).to.equal("verified");
    expect(await explorerHasSource(counter.address)).to.equal(true);
    // The chain's code is the deployed (unedited) contract's.
    expect(await rpc<string>(node.url, "eth_getCode", [counter.address, "latest"])).to.not.equal("0x");
  });
});

import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { DETERMINISTIC_DEPLOYMENT_PROXY, create2Address, normalizeSalt } from "../../src/core/deterministic/create2-factory.js";
import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { recordedIds } from "../helpers/migrator-record.js";
import { blockNumber, rpc } from "../helpers/rpc.js";

interface Registry {
  chainId: number;
  migrator: { address: string; salt?: string; factory?: string; design?: number };
  contracts: Record<string, { address: string; create2?: { salt: string; factory: string; reused?: true }; libraries?: Record<string, string>; proxy?: { implementation: string; admin?: string } }>;
}

/** Transactions sent to the CREATE2 factory in blocks [from, head]. */
async function factoryCalls(url: string, from: number): Promise<string[]> {
  const hashes: string[] = [];
  for (let n = from; n <= (await blockNumber(url)); n++) {
    const block = await rpc<{ transactions: Array<{ hash: string; to: string | null }> }>(url, "eth_getBlockByNumber", [`0x${n.toString(16)}`, true]);
    hashes.push(...block.transactions.filter((t) => t.to?.toLowerCase() === DETERMINISTIC_DEPLOYMENT_PROXY.address).map((t) => t.hash));
  }
  return hashes;
}

describe("salted deployments land at the same addresses on two chains", function () {
  let nodes: RunningNode[] = [];
  let dir: string;

  before(async () => {
    nodes = await Promise.all([startHardhatNode(fixtureRoot("basic")), startHardhatNode(fixtureRoot("basic"), undefined, ["--chain-id", "4242"])]);
    dir = await migrationsDir({
      "1_tokens.js": `
export default async function ({ deploy }) {
  await deploy("Token", ["A", 1000n], { as: "TokenA", salt: "token-a" });
  await deploy("Token", ["B", 5n], { as: "TokenB", salt: "0x${"00".repeat(31)}07" });
}`,
      "2_vault.js": `
export default async function ({ deploy, registry }) {
  const lib = await deploy("ConvertLib", { salt: "convert-lib" });
  // (Vault's owner is msg.sender: deployed through the factory, that is the factory.)
  const vault = await deploy("Vault", [registry.get("TokenA").address, 3], { libraries: { ConvertLib: await lib.getAddress() }, salt: "vault" });
  if ((await vault.getFunction("rate")()) !== 3n) throw new Error("the Vault returned is not the one deployed");
  await deploy("Token", ["plain", 1n], { as: "Plain" });
}`,

    });
    const build = await runHardhat(fixtureRoot("basic"), ["build", "--quiet"]);
    expect(build.code, build.stderr).to.equal(0);
  });

  after(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
  });

  const migrate = (url: string, registryDir: string, extra: Record<string, string> = {}) =>
    runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], {
      MIGRATIONS_TEST_RPC_URL: url,
      MIGRATIONS_TEST_DIR: dir,
      MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
      MIGRATIONS_TEST_MIGRATOR_SALT: "salted-deployments-test",
      ...extra,
    });

  it("puts every salted contract and the Migrator at one address on chains 31337 and 4242, and a re-run sends nothing", async () => {
    const registries: Registry[] = [];
    for (const node of nodes) {
      const registryDir = await tempDir("hhm-salted-");
      const run = await migrate(node.url, registryDir);
      expect(run.code, `${run.stdout}\n${run.stderr}`).to.equal(0);
      const chainId = Number(BigInt(await rpc<string>(node.url, "eth_chainId")));
      const registry = JSON.parse(await readFile(path.join(registryDir, `${chainId}.json`), "utf8")) as Registry;
      registries.push(registry);

      const head = await blockNumber(node.url);
      const again = await migrate(node.url, registryDir);
      expect(again.code, again.stderr).to.equal(0);
      expect(await blockNumber(node.url), "the re-run sent a transaction").to.equal(head);
      expect(await recordedIds(node.url, registry.migrator.address)).to.deep.equal([1, 2]);
    }
    const [a, b] = registries as [Registry, Registry];
    expect([a.chainId, b.chainId]).to.deep.equal([31337, 4242]);
    expect(b.migrator.address).to.equal(a.migrator.address);
    expect(a.migrator.salt).to.equal(normalizeSalt("salted-deployments-test", "test"));
    expect(a.migrator.factory).to.equal(DETERMINISTIC_DEPLOYMENT_PROXY.address);
    for (const name of ["TokenA", "TokenB", "ConvertLib", "Vault"]) {
      expect(b.contracts[name]!.address, name).to.equal(a.contracts[name]!.address);
      expect(a.contracts[name]!.create2?.factory, name).to.equal(DETERMINISTIC_DEPLOYMENT_PROXY.address);
    }
    expect(a.contracts.TokenB!.create2!.salt).to.equal(`0x${"00".repeat(31)}07`);
    // The address is the CREATE2 address of the salt and the init code, computable before sending.
    const { bytecode } = JSON.parse(await readFile(path.join(fixtureRoot("basic"), "artifacts", "contracts", "ConvertLib.sol", "ConvertLib.json"), "utf8")) as { bytecode: string };
    expect(a.contracts.ConvertLib!.address).to.equal(create2Address(normalizeSalt("convert-lib", "t"), bytecode));
    expect(b.contracts.Vault!.libraries).to.deep.equal({ ConvertLib: a.contracts.ConvertLib!.address });
    // The unsalted one depends on the deployer's nonce, as before.
    expect(a.contracts.Plain!.create2).to.equal(undefined);

    // Another clone of the project, without the registry: it finds the Migrator at its CREATE2
    // address with its record, and runs nothing again.
    const clone = await tempDir("hhm-salted-clone-");
    const head = await blockNumber(nodes[0]!.url);
    const fresh = await migrate(nodes[0]!.url, clone);
    expect(fresh.code, `${fresh.stdout}\n${fresh.stderr}`).to.equal(0);
    expect(fresh.stdout).to.contain(`Using the Migrator already at ${a.migrator.address}`);
    expect(await blockNumber(nodes[0]!.url), "the clone sent a transaction").to.equal(head);
    const adopted = JSON.parse(await readFile(path.join(clone, "31337.json"), "utf8")) as Registry;
    expect(adopted.migrator.address).to.equal(a.migrator.address);
  });

  it("deployProxy with a salt puts the proxy, its implementation and its ProxyAdmin at one address on both chains", async () => {
    const proxiesDir = await migrationsDir({
      "1_proxies.js": `
export default async function ({ deployProxy, deployer }) {
  const me = await deployer.getAddress();
  const box = await deployProxy("Box", [42n, me], { salt: "box", owner: me });
  if ((await box.getFunction("value")()) !== 42n) throw new Error("not initialised");
  await deployProxy("Counter", [me], { kind: "uups", salt: "counter" });
}`,
    });
    const build = await runHardhat(fixtureRoot("upgrades"), ["build", "--quiet"]);
    expect(build.code, build.stderr).to.equal(0);
    const registries: Registry[] = [];
    for (const node of nodes) {
      const registryDir = await tempDir("hhm-salted-proxies-");
      const run = await runHardhat(fixtureRoot("upgrades"), ["migrate", "--network", "testnode", "--no-compile"], {
        MIGRATIONS_TEST_RPC_URL: node.url,
        MIGRATIONS_TEST_DIR: proxiesDir,
        MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
      });
      expect(run.code, `${run.stdout}\n${run.stderr}`).to.equal(0);
      const chainId = Number(BigInt(await rpc<string>(node.url, "eth_chainId")));
      registries.push(JSON.parse(await readFile(path.join(registryDir, `${chainId}.json`), "utf8")) as Registry);
    }
    const [a, b] = registries as [Registry, Registry];
    for (const name of ["Box", "Counter"]) {
      expect(b.contracts[name]!.address, name).to.equal(a.contracts[name]!.address);
      expect(b.contracts[name]!.proxy!.implementation, name).to.equal(a.contracts[name]!.proxy!.implementation);
      expect(a.contracts[name]!.create2?.salt, name).to.equal(normalizeSalt(name.toLowerCase(), "t"));
    }
    expect(b.contracts.Box!.proxy!.admin).to.equal(a.contracts.Box!.proxy!.admin);
  });

  for (const point of ["tx-after-send", "tx-after-mined"]) {
    it(`a run killed after a CREATE2 (${point}) resumes without a second CREATE2`, async () => {
      const node = nodes[0]!;
      // A salt of its own, so that the contracts are new on this chain.
      const own = `resume-${point}`;
      const ownDir = await migrationsDir({
        "1_token.js": `
export default async function ({ deploy }) {
  await deploy("Token", ["R", 1n], { as: "TokenR", salt: "${own}" });
  await deploy("ConvertLib", { salt: "${own}" });
}`,
      });
      const registryDir = await tempDir("hhm-salted-kill-");
      const start = (await blockNumber(node.url)) + 1;
      const env = { MIGRATIONS_TEST_DIR: ownDir, MIGRATIONS_TEST_MIGRATOR_SALT: own };
      // Sends: the Migrator (the factory and MigratorAdmin are there already), then TokenR.
      const killed = await migrate(node.url, registryDir, { ...env, HARDHAT_MIGRATIONS_FAILPOINT: `${point}:2` });
      expect(killed.code, `${killed.stdout}\n${killed.stderr}`).to.equal(null);
      const resumed = await migrate(node.url, registryDir, env);
      expect(resumed.code, `${resumed.stdout}\n${resumed.stderr}`).to.equal(0);
      const calls = await factoryCalls(node.url, start);
      // The Migrator, TokenR and ConvertLib: one CREATE2 each, none repeated (a repeat would revert).
      expect(calls, JSON.stringify(calls)).to.have.length(3);
      for (const hash of calls) {
        const receipt = await rpc<{ status: string }>(node.url, "eth_getTransactionReceipt", [hash]);
        expect(receipt.status).to.equal("0x1");
      }
      const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as Registry;
      expect(Object.keys(registry.contracts).sort()).to.deep.equal(["ConvertLib", "TokenR"]);
      expect(await recordedIds(node.url, registry.migrator.address)).to.deep.equal([1]);
    });
  }
});

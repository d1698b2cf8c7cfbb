import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { expect } from "chai";
import { Interface, JsonRpcProvider } from "ethers";

import { runHardhat, runNodeScript } from "../helpers/cli.js";
import { REPO_ROOT, fixtureRoot, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";

const require = createRequire(import.meta.url);
const TRUFFLE = path.join(REPO_ROOT, "node_modules", "truffle", "build", "cli.bundled.js");
const METACOIN = new Interface([
  "function getBalance(address) view returns (uint256)",
  "function getBalanceInEth(address) view returns (uint256)",
  "function owner() view returns (address)",
]);

/** `truffle migrate` (the npm `truffle` devDependency) in a copy of the project, against `node`. */
async function truffleMigrate(project: string, node: RunningNode): Promise<{ stdout: string; addresses: Record<string, string>; build: string }> {
  const dir = await tempDir("hhm-truffle-");
  const root = fixtureRoot(project);
  for (const entry of ["contracts", "migrations", "truffle-config.js"]) {
    await cp(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  // A Truffle project is CommonJS: truffle-config.js is `require`d.
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "metacoin", private: true }));
  const { code, stdout, stderr } = await runNodeScript(TRUFFLE, ["migrate", "--network", "development"], {
    cwd: dir,
    env: { ...process.env, TRUFFLE_TEST_PORT: String(node.port), TRUFFLE_TEST_SOLC: require.resolve("solc/soljson.js"), FORCE_COLOR: "0" },
  });
  expect(code, `truffle migrate failed:\n${stdout}\n${stderr}`).to.equal(0);
  const addresses: Record<string, string> = {};
  const build = path.join(dir, "build", "contracts");
  for (const file of await readdir(build)) {
    const artifact = JSON.parse(await readFile(path.join(build, file), "utf8")) as { contractName: string; networks: Record<string, { address: string }> };
    const deployment = Object.values(artifact.networks)[0];
    if (deployment !== undefined) {
      addresses[artifact.contractName] = deployment.address;
    }
  }
  return { stdout, addresses, build };
}

/** `npx hardhat migrate` in the project itself, against `node`. */
async function hardhatMigrate(
  project: string,
  node: RunningNode,
  registryDir?: string,
  args: string[] = [],
): Promise<{ stdout: string; addresses: Record<string, string> }> {
  registryDir ??= await tempDir("hhm-truffle-registry-");
  // Truffle builds without the optimizer: compare with the same settings (migrate's default is the
  // production profile, optimizer on).
  const { code, stdout, stderr } = await runHardhat(fixtureRoot(project), ["--build-profile", "default", "migrate", ...args, "--network", "testnode"], {
    MIGRATIONS_TEST_RPC_URL: node.url,
    MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
  });
  expect(code, `hardhat migrate failed:\n${stdout}\n${stderr}`).to.equal(0);
  const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: Record<string, { address: string }> };
  return { stdout, addresses: Object.fromEntries(Object.entries(registry.contracts).map(([name, e]) => [name, e.address])) };
}

/**
 * The deployed code of every contract, comparable across two deployments: each deployed
 * address in it (a library's own address, linked libraries) replaced by its name, and the
 * compiler's metadata (which hashes the source paths each tool uses) cut off.
 */
async function comparableCode(provider: JsonRpcProvider, addresses: Record<string, string>): Promise<Record<string, string>> {
  const codes: Record<string, string> = {};
  for (const [name, address] of Object.entries(addresses)) {
    let code = (await provider.getCode(address)).slice(2).toLowerCase();
    const metadataLength = parseInt(code.slice(-4), 16);
    code = code.slice(0, code.length - 4 - metadataLength * 2);
    for (const [other, otherAddress] of Object.entries(addresses)) {
      code = code.replaceAll(otherAddress.slice(2).toLowerCase(), `<${other}>`);
    }
    codes[name] = code;
  }
  return codes;
}

/**
 * Balance and storage slots 0..7 of every contract but Truffle's Migrations (whose
 * last_completed_migration is Truffle's own record), deployed addresses replaced by their names.
 */
async function contractState(provider: JsonRpcProvider, addresses: Record<string, string>): Promise<Record<string, unknown>> {
  const named = (word: string) => {
    let text = word.toLowerCase();
    for (const [name, address] of Object.entries(addresses)) {
      text = text.replaceAll(address.slice(2).toLowerCase(), `<${name}>`);
    }
    return text;
  };
  const state: Record<string, unknown> = {};
  for (const [name, address] of Object.entries(addresses)) {
    if (name === "Migrations") {
      continue;
    }
    const slots: string[] = [];
    for (let slot = 0; slot < 8; slot++) {
      slots.push(named(await provider.getStorage(address, slot)));
    }
    state[name] = { balance: (await provider.getBalance(address)).toString(), slots };
  }
  return state;
}

async function metaCoinState(provider: JsonRpcProvider, addresses: Record<string, string>) {
  const accounts = (await provider.send("eth_accounts", [])) as string[];
  const call = async (to: string, fn: string, args: unknown[]) =>
    METACOIN.decodeFunctionResult(fn, await provider.call({ to, data: METACOIN.encodeFunctionData(fn, args) }))[0] as unknown;
  const balances: Record<string, unknown> = {};
  for (const account of accounts.slice(0, 4)) {
    balances[account] = [await call(addresses.MetaCoin!, "getBalance", [account]), await call(addresses.MetaCoin!, "getBalanceInEth", [account])];
  }
  return { balances, migrationsOwner: await call(addresses.Migrations!, "owner", []) };
}

describe("npx hardhat migrate matches truffle migrate (Truffle 5.11.5, on hardhat node)", function () {
  const nodes: RunningNode[] = [];
  const providers: JsonRpcProvider[] = [];
  after(async () => {
    providers.forEach((p) => p.destroy());
    await Promise.all(nodes.map((n) => n.stop()));
  });

  /** Migrates `project` with both tools, each on a fresh node, and compares what they leave. */
  async function compare(project: string, logLine: string) {
    const truffleNode = await startHardhatNode(fixtureRoot(project));
    nodes.push(truffleNode);
    const hardhatNode = await startHardhatNode(fixtureRoot(project));
    nodes.push(hardhatNode);

    const truffle = await truffleMigrate(project, truffleNode);
    const ours = await hardhatMigrate(project, hardhatNode);
    expect(truffle.stdout).to.contain(logLine);
    expect(ours.stdout).to.contain(logLine);
    expect(Object.keys(ours.addresses).sort()).to.deep.equal(Object.keys(truffle.addresses).sort());

    const truffleProvider = new JsonRpcProvider(truffleNode.url, undefined, { staticNetwork: true });
    const ourProvider = new JsonRpcProvider(hardhatNode.url, undefined, { staticNetwork: true });
    providers.push(truffleProvider, ourProvider);
    const both = async <T>(read: (provider: JsonRpcProvider, addresses: Record<string, string>) => Promise<T>) => ({
      truffle: await read(truffleProvider, truffle.addresses),
      ours: await read(ourProvider, ours.addresses),
    });
    const code = await both(comparableCode);
    expect(code.ours).to.deep.equal(code.truffle);
    const state = await both(contractState);
    expect(state.ours).to.deep.equal(state.truffle);
    return { truffle, ours, truffleNode, code: code.truffle, state: state.truffle, both };
  }

  it("MetaCoin: the same contracts, code (ConvertLib linked) and balances; then the Truffle chain is imported", async () => {
    const { truffle, truffleNode, code, both } = await compare("truffle-metacoin", "accounts[1] holds 1500 MetaCoin (3000 in ETH)");
    expect(Object.keys(truffle.addresses).sort()).to.deep.equal(["ConvertLib", "MetaCoin", "Migrations"]);
    expect(code.MetaCoin).to.contain("<ConvertLib>");
    const metaCoin = await both(metaCoinState);
    expect(metaCoin.ours).to.deep.equal(metaCoin.truffle);

    // The chain Truffle migrated, taken over: its deployments enter the registry, its three
    // completed migrations are recorded (from Migrations.last_completed_migration), nothing reruns.
    const registryDir = await tempDir("hhm-truffle-import-");
    const imported = await hardhatMigrate("truffle-metacoin", truffleNode, registryDir, ["import", "truffle", "--build", truffle.build]);
    expect(imported.addresses).to.deep.equal(truffle.addresses);
    expect(imported.stdout).to.contain("Imported 3 Truffle deployment(s)").and.to.contain("last completed migration: 3 (from the Migrations contract); recorded as completed: 1, 2, 3.");
    const rerun = await hardhatMigrate("truffle-metacoin", truffleNode, registryDir);
    expect(rerun.stdout).to.contain("Nothing to migrate on testnode (chain 31337): 3 migration(s) already completed.");
    expect(rerun.addresses).to.deep.equal(truffle.addresses);
  });

  it("sync queue, .then chains, overwrite: false, async and ether: the same contracts, storage and balances", async () => {
    const { truffle, state } = await compare("truffle-mixed", "stored 42");
    expect(Object.keys(truffle.addresses).sort()).to.deep.equal(["Hub", "Migrations", "PiggyBank", "SimpleStorage"]);
    // What the comparison covered, so that it cannot pass vacuously.
    const slot = (n: bigint) => `0x${n.toString(16).padStart(64, "0")}`;
    expect(state.SimpleStorage).to.deep.include({ balance: "0" });
    expect((state.SimpleStorage as { slots: string[] }).slots[0]).to.equal(slot(42n));
    expect((state.Hub as { slots: string[] }).slots[0]).to.equal(`0x000000000000000000000000<SimpleStorage>`);
    expect((state.PiggyBank as { balance: string }).balance).to.equal(String(15n * 10n ** 17n));
  });
});

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Interface } from "ethers";

import { runHardhat, type CliResult } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";

// `hardhat node`'s well-known development accounts #1 and #2 (and #2's key).
const ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ACCOUNT_2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const ACCOUNT_2_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
const TREASURY = "0x000000000000000000000000000000000000dEaD";
const ORACLE = "0x00000000000000000000000000000000000000A1";

const MIGRATIONS = {
  "1_token.js": `
export default async function ({ deploy, accounts, parameters }) {
  const token = await deploy("Token", [parameters.string("name"), parameters.bigint("supply")]);
  await (await token.getFunction("transfer")(accounts.treasury.address, parameters.bigint("grant"))).wait();
}
`,
  "2_mock_oracle.js": `
export const networks = ["dev"];
export const tags = ["oracle"];
export default async function ({ deploy }) {
  await deploy("Token", ["Mock Oracle", 1n], { as: "MockOracle" });
}
`,
  "3_sepolia_only.js": `
export const networks = ["sepolia"];
export default async function ({ deploy }) {
  await deploy("Token", ["Sepolia only", 1n], { as: "SepoliaOnly" });
}
`,
  "4_oracle_feed.js": `
export const tags = ["oracle"];
export default async function ({ deploy, accounts, account, log }) {
  log("oracle is " + accounts.oracle.address);
  await deploy("Token", ["Feed", 1n], { as: "Feed" });
  // Not awaited: the run waits for it, as for the deployer's transactions.
  (await account("operator").signer()).sendTransaction({ to: accounts.treasury.address, value: 5n });
}
`,
};

describe("named accounts, parameters and per-network selection, from the command line against a `hardhat node`", function () {
  let node: RunningNode;
  let dir: string;
  let registryDir: string;

  const hardhat = (args: string[], env: Record<string, string> = {}, migrations = dir, registry = registryDir): Promise<CliResult> =>
    runHardhat(fixtureRoot("basic"), args, {
      MIGRATIONS_TEST_RPC_URL: node.url,
      MIGRATIONS_TEST_DIR: migrations,
      MIGRATIONS_TEST_REGISTRY_DIR: registry,
      MIGRATIONS_TEST_NAMED: "1",
      MIGRATIONS_TEST_NETWORKS: JSON.stringify({ testnode: { accounts: { deployer: 1, operator: 2 }, parameters: { grant: "1n" } } }),
      ...env,
    });
  const ok = async (args: string[], env: Record<string, string> = {}): Promise<string> => {
    const result = await hardhat(args, env);
    expect(result.code, `${args.join(" ")}\n${result.stdout}\n${result.stderr}`).to.equal(0);
    return result.stdout;
  };
  const registry = async () =>
    JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: Record<string, { address: string; deployer: string; args: unknown[] }> };
  const rpc = async (method: string, params: unknown[]): Promise<unknown> => {
    const response = await fetch(node.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    return ((await response.json()) as { result: unknown }).result;
  };
  const balanceOf = async (token: string, holder: string): Promise<bigint> => {
    const iface = new Interface(["function balanceOf(address) view returns (uint256)"]);
    const response = await fetch(node.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_call", params: [{ to: token, data: iface.encodeFunctionData("balanceOf", [holder]) }, "latest"] }),
    });
    return BigInt(((await response.json()) as { result: string }).result);
  };

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    registryDir = await tempDir("hhm-registry-");
    dir = await migrationsDir(MIGRATIONS);
    await mkdir(path.join(dir, "parameters"));
    await writeFile(path.join(dir, "parameters", "testnode.json"), JSON.stringify({ supply: "5000n", grant: "7n" }));
  });

  after(async () => {
    await node?.stop();
  });

  it("status works without the secrets: an unset configVariable account and an unset configVariable key are never read", async () => {
    const out = await ok(["migrate", "status", "--network", "testnode"]);
    expect(out).to.match(/3\s+3_sepolia_only\.js\s+skipped\s+\(only on sepolia\)/);
    expect(out).to.match(/2\s+2_mock_oracle\.js\s+pending/);
    const secret = await ok(["migrate", "status", "--network", "testsecret"]);
    expect(secret).to.contain("Migrations on testsecret (chain 31337");
    const dry = await ok(["migrate", "--dry-run", "--network", "testsecret"]);
    expect(dry).to.contain("Skipped 3_sepolia_only.js on testsecret: only on sepolia. It is not recorded.");
    expect(dry).to.contain("2_mock_oracle.js");
    await ok(["migrate", "store", "export", "--network", "testsecret"]);
    await ok(["migrate", "export"]);
  });

  it("migrate status --tags oracle shows as skipped what migrate --tags oracle leaves out, in its table and in --json", async () => {
    const out = await ok(["migrate", "status", "--tags", "oracle", "--network", "testnode"]);
    expect(out).to.match(/1\s+1_token\.js\s+skipped\s+\(no tag \(--tags oracle\)\)/);
    expect(out).to.match(/2\s+2_mock_oracle\.js\s+pending/);
    expect(out).to.match(/3\s+3_sepolia_only\.js\s+skipped\s+\(only on sepolia\)/);
    expect(out).to.match(/4\s+4_oracle_feed\.js\s+pending/);
    const json = JSON.parse(await ok(["migrate", "status", "--tags", "oracle", "--json", "--network", "testnode"])) as {
      rows: Array<{ id: number; state: string; skippedBecause?: string }>;
    };
    expect(json.rows.map((r) => [r.id, r.state, r.skippedBecause])).to.deep.equal([
      [1, "skipped", "no tag (--tags oracle)"],
      [2, "pending", undefined],
      [3, "skipped", "only on sepolia"],
      [4, "pending", undefined],
    ]);
    // Without --tags, the tagged-out migration is pending again: status only says what a run would do.
    expect(await ok(["migrate", "status", "--network", "testnode"])).to.match(/1\s+1_token\.js\s+pending/);
    // Nothing was run or recorded.
    await readFile(path.join(registryDir, "31337.json"), "utf8").then(
      () => expect.fail("status wrote a registry"),
      (error: NodeJS.ErrnoException) => expect(error.code).to.equal("ENOENT"),
    );
  });

  it("migrate --tags oracle runs only the tagged migrations, as the network's deployer, with the oracle's address from its configVariable", async () => {
    const out = await ok(["migrate", "--tags", "oracle", "--network", "testnode"], { HHM_TEST_ORACLE: ORACLE });
    expect(out).to.contain("Skipped 1_token.js on testnode: no tag (--tags oracle)");
    expect(out).to.contain("Skipped 3_sepolia_only.js on testnode: only on sepolia");
    expect(out).to.contain(`oracle is ${ORACLE}`);
    const contracts = (await registry()).contracts;
    expect(Object.keys(contracts).sort()).to.deep.equal(["Feed", "MockOracle"]);
    expect(contracts.MockOracle!.deployer).to.equal(ACCOUNT_1);
    expect(await rpc("eth_getBalance", [TREASURY, "latest"])).to.equal("0x5");
    // What ran is what `migrate status --tags oracle` showed as pending (2 and 4), and nothing else.
    const status = await ok(["migrate", "status", "--network", "testnode"]);
    expect(status).to.match(/1\s+1_token\.js\s+pending/);
    expect(status).to.match(/2\s+2_mock_oracle\.js\s+up/);
    expect(status).to.match(/3\s+3_sepolia_only\.js\s+skipped/);
    expect(status).to.match(/4\s+4_oracle_feed\.js\s+up/);
  });

  it("a later run without --tags runs what was left out, with parameters from config, the network's file and --parameters, bigints as strings ending in n", async () => {
    const override = path.join(await tempDir("hhm-params-"), "override.json");
    await writeFile(override, JSON.stringify({ grant: "9n" }));
    const out = await ok(["migrate", "--network", "testnode", "--parameters", override]);
    expect(out).to.contain("Skipped 3_sepolia_only.js");
    const token = (await registry()).contracts.Token!;
    // name from migrations.parameters, supply from parameters/testnode.json, grant from --parameters
    expect(token.args).to.deep.equal(["Config Token", "5000"]);
    expect(token.deployer).to.equal(ACCOUNT_1);
    expect(await balanceOf(token.address, TREASURY)).to.equal(9n);
    const status = await ok(["migrate", "status", "--network", "testnode"]);
    expect(status).to.contain("3 up, 1 skipped");
  });

  it("a deployer key held in a configVariable signs the run; the key is read only then", async () => {
    const migrations = await migrationsDir({ "1_deploy.js": `export default async function ({ deploy }) { await deploy("Token", ["Secret", 1n], { as: "Secret" }); }` });
    const registry2 = await tempDir("hhm-registry-");
    const out = await hardhat(["migrate", "--network", "testsecret", "--yes"], { HHM_TEST_SECRET_KEY: ACCOUNT_2_KEY }, migrations, registry2);
    expect(out.code, out.stdout + out.stderr).to.equal(0);
    const doc = JSON.parse(await readFile(path.join(registry2, "31337.json"), "utf8")) as { contracts: Record<string, { deployer: string }> };
    expect(doc.contracts.Secret!.deployer).to.equal(ACCOUNT_2);
    expect(out.stdout + out.stderr).not.to.contain(ACCOUNT_2_KEY.slice(2));
  });

  it("an unknown account name, an unresolvable configVariable and a missing parameter are coded errors that say what is known", async () => {
    const run = async (source: string, env: Record<string, string> = {}) => {
      const migrations = await migrationsDir({ "1_bad.js": source });
      const result = await hardhat(["migrate", "--network", "testnode"], env, migrations, await tempDir("hhm-registry-"));
      expect(result.code).to.not.equal(0);
      return result.stdout + result.stderr;
    };
    const unknown = await run(`export default async function ({ accounts }) { accounts.nobody.address; }`);
    expect(unknown).to.contain("HHM330: ctx.accounts.nobody is not a named account on testnode. Named accounts: deployer, operator, oracle, treasury.");
    const unset = await run(`export default async function ({ accounts }) { accounts.oracle.address; }`);
    expect(unset).to.contain("HHM331: The named account oracle (configVariable HHM_TEST_ORACLE) cannot be resolved on testnode");
    const missing = await run(`export default async function ({ parameters }) { parameters.string("owner"); }`);
    expect(missing).to.contain("HHM332: The parameter owner is not set on testnode. Set: grant, name, supply.");
    const wrong = await run(`export default async function ({ parameters }) { parameters.bigint("name"); }`);
    expect(wrong).to.contain("HHM333: The parameter name on testnode is a string (\"Config Token\"), but the migration reads it as a bigint.");
    expect(wrong).not.to.match(/\n\s+at .*\.js:\d+/);
  });
});

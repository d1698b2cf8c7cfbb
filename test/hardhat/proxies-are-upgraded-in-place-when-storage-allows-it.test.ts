import { readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { getAddress } from "ethers";

import { IMPLEMENTATION_SLOT } from "../../src/core/upgrades/erc1967.js";
import type { RegistryDocument } from "../../src/types.js";
import { captureState, mappingSlot } from "../helpers/chain-state.js";
import { createFixtureHre, migrationsDir, tempDir } from "../helpers/fixture.js";

const ALICE = "0x00000000000000000000000000000000000a11ce";

const deployBox = `
export default async function ({ deployProxy, deployer }) {
  const box = await deployProxy("Box", [42n, await deployer.getAddress()]);
  await (await box.getFunction("credit")(${JSON.stringify(ALICE)}, 7n)).wait();
  await (await box.getFunction("setValue")(43n)).wait();
  await (await box.getFunction("note")(1n, "hello")).wait();
}
`;

const upgradeBox = `
export default async function ({ upgradeProxy }) {
  const box = await upgradeProxy("Box", "BoxV2", { call: { fn: "initializeV2", args: ["v2"] } });
  await (await box.getFunction("setValue")(44n)).wait();
}
`;

const breakBox = `
export default async function ({ upgradeProxy }) {
  await upgradeProxy("Box", "BoxBroken");
}
`;

/** The error and its causes, outermost first. */
function causes(error: unknown): Array<Error & Record<string, unknown>> {
  const chain: Array<Error & Record<string, unknown>> = [];
  for (let e = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    chain.push(e as Error & Record<string, unknown>);
  }
  return chain;
}

async function implementationOf(provider: { getStorage(a: string, s: string): Promise<string> }, proxy: string): Promise<string> {
  return getAddress(`0x${(await provider.getStorage(proxy, IMPLEMENTATION_SLOT)).slice(-40)}`);
}

describe("rolling upgrades of proxies on the in-process network", () => {
  it("migration 1 deploys a transparent proxy, migration 2 upgrades it with state kept, and the registry history shows both implementations", async () => {
    const dir = await migrationsDir({ "1_deploy_box.js": deployBox, "2_upgrade_box.js": upgradeBox });
    const registryDir = await tempDir("hhm-registry-");
    const hre = await createFixtureHre("upgrades", { dir, registryDir, inProcessRegistry: "file" });
    const connection = await hre.network.create();
    const [deployer] = await connection.ethers.getSigners();
    const provider = connection.ethers.provider;

    const result = await connection.migrations.run();

    expect(result.migrations.map((m) => m.id)).to.deep.equal([1, 2]);
    expect(result.deployments.map((d) => [d.name, d.migration])).to.deep.equal([
      ["Box (implementation)", 1],
      ["Box (transparent proxy)", 1],
      ["Box (implementation)", 2],
    ]);
    const [v1, proxy, v2] = result.deployments;

    // The registry: the name keeps the proxy's address; the implementation change is in the history.
    const entry = await connection.migrations.registry.get("Box");
    expect(entry.address).to.equal(proxy!.address);
    expect(entry.artifact).to.equal("contracts/BoxV2.sol:BoxV2");
    expect(entry.migration).to.equal(2);
    expect(entry.args).to.deep.equal(["v2"]);
    expect(entry.proxy).to.deep.include({ kind: "transparent", implementation: v2!.address });
    expect(entry.proxy!.admin).to.match(/^0x[0-9a-fA-F]{40}$/);
    expect(entry.proxy!.storageLayout!.storage.map((s) => s.label)).to.deep.equal([
      "value", "owner", "credits", "history", "notes", "label", "upgradedAt",
    ]);
    // Initializable's ERC-7201 namespace, laid out from the build info's AST.
    const initializable = entry.proxy!.storageLayout!.namespaces!["openzeppelin.storage.Initializable"]!;
    expect(initializable.storage.map((s) => [s.label, s.slot, s.offset])).to.deep.equal([["_initialized", "0", 0], ["_initializing", "0", 8]]);
    expect(entry.history).to.have.length(1);
    expect(entry.history![0]).to.deep.include({
      address: proxy!.address,
      artifact: "contracts/Box.sol:Box",
      migration: 1,
      args: ["42", deployer!.address],
    });
    expect(entry.history![0]!.proxy).to.deep.include({ kind: "transparent", implementation: v1!.address, admin: entry.proxy!.admin });
    expect(entry.history![0]!.proxy!.storageLayout!.storage.map((s) => s.label)).to.deep.equal(["value", "owner", "credits", "history", "notes"]);
    expect(await implementationOf(provider, proxy!.address)).to.equal(getAddress(v2!.address));

    // The file on disk is the same document.
    const file = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as RegistryDocument;
    expect(file.contracts.Box).to.deep.equal(entry);

    // State written through V1 is read through V2; V2's additions work.
    const box = await connection.migrations.registry.contract("Box");
    expect(await box.getFunction("value")()).to.equal(44n);
    expect(await box.getFunction("owner")()).to.equal(deployer!.address);
    expect(await box.getFunction("credits")(ALICE)).to.equal(7n);
    expect(await box.getFunction("historyLength")()).to.equal(3n);
    expect(await box.getFunction("history")(1n)).to.equal(43n);
    expect(await box.getFunction("noteText")(1n)).to.equal("hello");
    expect(await box.getFunction("label")()).to.equal("v2");
    expect(await box.getFunction("version")()).to.equal(2n);
  });

  it("refuses a breaking upgrade with a report of every incompatible slot, and changes nothing", async () => {
    const dir = await migrationsDir({ "1_deploy_box.js": deployBox, "2_upgrade_box.js": upgradeBox });
    const registryDir = await tempDir("hhm-registry-");
    const hre = await createFixtureHre("upgrades", { dir, registryDir, inProcessRegistry: "file" });
    const connection = await hre.network.create();
    const provider = connection.ethers.provider;
    await connection.migrations.run();
    const proxy = (await connection.migrations.registry.get("Box")).address;
    const registryBefore = await readFile(path.join(registryDir, "31337.json"), "utf8");
    const stateBefore = await captureState(connection.provider, [proxy], [IMPLEMENTATION_SLOT, mappingSlot(ALICE, 2)]);
    const blockBefore = await provider.getBlockNumber();

    await writeFile(path.join(dir, "3_break_box.js"), breakBox);
    const error = await connection.migrations.run().then(
      () => expect.fail("the breaking upgrade ran"),
      (e: unknown) => e,
    );

    const chain = causes(error);
    expect(chain[0]).to.include({ code: "MIGRATION_FAILED", rolledBack: true });
    const refusal = chain.find((e) => e.code === "STORAGE_LAYOUT_INCOMPATIBLE")!;
    expect(refusal, "the storage-layout refusal is the cause").to.not.equal(undefined);
    const message = (error as Error).message;
    expect(message).to.contain("HHM220: Upgrading the proxy Box to contracts/BoxBroken.sol:BoxBroken would corrupt its storage; 6 incompatible variable(s):");
    for (const line of [
      "slot 0, offset 0: value (uint256) -> owner (address): moved: moved to slot 1, offset 0; owner took its place",
      "slot 1, offset 0: owner (address) -> value (uint128): moved: moved to slot 0, offset 0; value took its place",
      "slot 2, offset 0: credits[] (mapping(address => uint256)) -> credits (mapping(address => uint64)): shrunk: shrunk from uint256 to uint64",
      "slot 4, offset 0: notes (mapping(uint256 => struct BoxV2.Note)) -> (nothing): removed: removed",
      "slot 5, offset 0: label (string) -> (nothing): removed: removed",
      "slot 6, offset 0: upgradedAt (uint256) -> (nothing): removed: removed",
    ]) {
      expect(message).to.contain(line);
    }
    expect(refusal.hint).to.contain("network migration");
    expect(refusal.incompatibilities).to.have.length(6);

    // Nothing changed: no transaction, the same storage and implementation, the same registry file.
    expect(await provider.getBlockNumber()).to.equal(blockBefore);
    expect(await captureState(connection.provider, [proxy], [IMPLEMENTATION_SLOT, mappingSlot(ALICE, 2)])).to.deep.equal(stateBefore);
    expect(await readFile(path.join(registryDir, "31337.json"), "utf8")).to.equal(registryBefore);
    const status = await connection.migrations.status();
    expect(status.rows.map((r) => [r.id, r.state])).to.deep.equal([[1, "up"], [2, "up"], [3, "pending"]]);

    // The expert override upgrades anyway (here: to show it exists and is explicit).
    // (Another file name: a module is imported once per process.)
    await unlink(path.join(dir, "3_break_box.js"));
    await writeFile(path.join(dir, "3_break_box_anyway.js"), breakBox.replace(`"BoxBroken"`, `"BoxBroken", { unsafeSkipStorageCheck: true }`));
    await connection.migrations.run();
    const entry = await connection.migrations.registry.get("Box");
    expect(entry.artifact).to.equal("contracts/BoxBroken.sol:BoxBroken");
    expect(entry.history!.map((h) => h.migration)).to.deep.equal([1, 2]);
  });

  it("`down` of the upgrade puts the previous implementation back, on chain and in the registry", async () => {
    const dir = await migrationsDir({ "1_deploy_box.js": deployBox, "2_upgrade_box.js": upgradeBox });
    const hre = await createFixtureHre("upgrades", { dir });
    const connection = await hre.network.create();
    const provider = connection.ethers.provider;
    await connection.migrations.run({ to: 1 });
    const before = await connection.migrations.registry.get("Box");
    await connection.migrations.run();
    expect((await connection.migrations.registry.get("Box")).proxy!.implementation).to.not.equal(before.proxy!.implementation);

    const down = await connection.migrations.down();

    expect(down.undone.map((u) => [u.id, u.how])).to.deep.equal([[2, "snapshot"]]);
    expect(await connection.migrations.registry.get("Box")).to.deep.equal(before);
    expect(await implementationOf(provider, before.address)).to.equal(getAddress(before.proxy!.implementation));
    const box = await connection.migrations.registry.contract("Box");
    expect(await box.getFunction("value")()).to.equal(43n);
  });

  it("upgrades a UUPS proxy through its implementation, and refuses an implementation that is not UUPS", async () => {
    const dir = await migrationsDir({
      "1_deploy_counter.js": `
export default async function ({ deployProxy, deployer }) {
  const counter = await deployProxy("Counter", [await deployer.getAddress()], { kind: "uups" });
  await (await counter.getFunction("increment")()).wait();
  await (await counter.getFunction("increment")()).wait();
}`,
      "2_upgrade_counter.js": `
export default async function ({ upgradeProxy, checkUpgrade, log }) {
  const check = await checkUpgrade("Counter", "CounterV2");
  log("added: " + check.added.map((a) => a.label).join(","));
  const counter = await upgradeProxy("Counter", "CounterV2");
  await (await counter.getFunction("setStep")(5n)).wait();
  await (await counter.getFunction("increment")()).wait();
}`,
    });
    const hre = await createFixtureHre("upgrades", { dir });
    const connection = await hre.network.create();
    const provider = connection.ethers.provider;
    const logs: string[] = [];

    await connection.migrations.run({ onEvent: (e) => e.type === "log" && logs.push(e.message) });

    expect(logs).to.include("added: step");
    const entry = await connection.migrations.registry.get("Counter");
    expect(entry.proxy!.kind).to.equal("uups");
    expect(entry.proxy!.admin).to.equal(undefined);
    expect(entry.history!.map((h) => [h.migration, h.artifact])).to.deep.equal([[1, "contracts/Counter.sol:Counter"]]);
    expect(await implementationOf(provider, entry.address)).to.equal(getAddress(entry.proxy!.implementation));
    const counter = await connection.migrations.registry.contract("Counter");
    expect(await counter.getFunction("count")()).to.equal(7n);

    await writeFile(path.join(dir, "3_brick.js"), `
export default async function ({ upgradeProxy }) {
  await upgradeProxy("Counter", "CounterNotUUPS");
}`);
    const blockBefore = await provider.getBlockNumber();
    const error = await connection.migrations.run().then(() => expect.fail("upgraded to a non-UUPS implementation"), (e: unknown) => e);
    const refusal = causes(error).find((e) => e.code === "NOT_UUPS_IMPLEMENTATION");
    expect(refusal?.message).to.equal(
      "HHM223: contracts/Counter.sol:CounterNotUUPS cannot be used behind a UUPS proxy: it has no proxiableUUID() and no upgradeToAndCall(address,bytes). Upgrading to it would leave the proxy unable to upgrade again.",
    );
    expect(await provider.getBlockNumber()).to.equal(blockBefore);
    expect(await implementationOf(provider, entry.address)).to.equal(getAddress(entry.proxy!.implementation));
  });

  it("refuses a transparent-proxy upgrade from an account that does not own its ProxyAdmin", async () => {
    const dir = await migrationsDir({ "1_deploy_box.js": deployBox });
    const hre = await createFixtureHre("upgrades", { dir });
    const connection = await hre.network.create();
    const [, other] = await connection.ethers.getSigners();
    await connection.migrations.run();
    await writeFile(path.join(dir, "2_upgrade_as_other.js"), `
export default async function ({ upgradeProxy }) {
  await upgradeProxy("Box", "BoxV2", { from: ${JSON.stringify(other!.address)} });
}`);
    const error = await connection.migrations.run().then(() => expect.fail("upgraded by a stranger"), (e: unknown) => e);
    const refusal = causes(error).find((e) => e.code === "PROXY_ADMIN_NOT_OWNER");
    expect(refusal?.message).to.contain(`${other!.address} cannot upgrade the proxy Box`);
  });
});

import { expect } from "chai";
import type { NetworkConnection } from "hardhat/types/network";

import { inspectChain, type ChainInfo } from "../../../src/core/chain.js";
import type { MigrationEvent } from "../../../src/core/events.js";
import { MemoryRegistryStorage } from "../../../src/core/registry/memory-registry-storage.js";
import { Registry } from "../../../src/core/registry/registry.js";
import { LazyMigratorStateStore } from "../../../src/core/stores/lazy-migrator-state-store.js";
import { createTransactionLayer } from "../../../src/core/transactions/migration-sender.js";
import { createFixtureHre } from "../../helpers/fixture.js";
import { describeStateStoreConformance } from "./state-store-conformance.js";
import { providerAccount } from "../../../src/core/transactions/sending-account.js";

let connection: NetworkConnection;
let chain: ChainInfo;

async function openLazyStore(storage = new MemoryRegistryStorage(), events: MigrationEvent[] = []) {
  connection ??= await (await createFixtureHre("basic")).network.create();
  chain ??= await inspectChain(connection.provider, { inProcess: true });
  const registry = await Registry.open(storage, chain);
  const [deployer] = await connection.ethers.getSigners();
  const store = new LazyMigratorStateStore(connection.provider);
  const completed = await store.open({
    networkName: "hardhat",
    chain,
    registry,
    deployer: async () => providerAccount(connection.provider, deployer!.address),
    readOnly: false,
    emit: (event) => events.push(event),
    // The store sends through the plugin's transaction path, as every command opens it.
    layer: createTransactionLayer(connection.provider, {}),
  });
  return { store, completed, registry };
}

describeStateStoreConformance("LazyMigratorStateStore", async () => (await openLazyStore()).store);

describe("the Migrator store as a host injects it", () => {
  it("deploys no Migrator until the first record, then names it in the registry, and a later run finds it", async () => {
    const storage = new MemoryRegistryStorage();
    const events: MigrationEvent[] = [];
    const { store, completed, registry } = await openLazyStore(storage, events);
    expect(completed.size).to.equal(0);
    expect(store.undeployed).to.equal(true);
    expect(registry.migrator).to.equal(undefined);

    await store.record(1, `0x${"11".repeat(32)}`);

    expect(store.undeployed).to.equal(false);
    const address = registry.migrator?.address;
    expect(address).to.be.a("string");
    expect(await connection.provider.request({ method: "eth_getCode", params: [address, "latest"] })).to.not.equal("0x");
    expect(events.filter((e) => e.type === "migrator-deployed")).to.have.length(1);

    const again = await openLazyStore(storage);
    expect(again.store.undeployed).to.equal(false);
    expect(again.store.description).to.equal(`Migrator ${address}`);
    expect([...again.completed]).to.deep.equal([1]);
  });

  it("prepare() deploys once: a second call, and the next record, deploy nothing more", async () => {
    const events: MigrationEvent[] = [];
    const { store } = await openLazyStore(new MemoryRegistryStorage(), events);
    const deployed = await store.prepare();
    expect((deployed?.gasUsed ?? 0n) > 0n).to.equal(true);
    expect(await store.prepare()).to.equal(undefined);
    await store.record(7, `0x${"22".repeat(32)}`);
    expect(events.filter((e) => e.type === "migrator-deployed")).to.have.length(1);
    expect(store.description).to.equal(`Migrator ${deployed!.address}`);
  });
});

describe("the Migrator store before its deployment", () => {
  it("refuses to unrecord with MIGRATION_NOT_RECORDED and deploys nothing", async () => {
    const { store, registry } = await openLazyStore();
    const error = await store.unrecord(3).catch((e: unknown) => e);
    expect((error as { code?: string }).code).to.equal("MIGRATION_NOT_RECORDED");
    expect(store.undeployed).to.equal(true);
    expect(registry.migrator).to.equal(undefined);
  });
});

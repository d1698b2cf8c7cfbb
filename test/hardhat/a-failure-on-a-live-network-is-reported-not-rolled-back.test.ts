import { expect } from "chai";
import type { NetworkConnection } from "hardhat/types/network";

import type { ArtifactResolver, ContractArtifact } from "../../src/core/artifacts.js";
import { migrateDown } from "../../src/core/down.js";
import { migrate, type MigrationHost } from "../../src/core/migrate.js";
import type { Eip1193Provider } from "../../src/core/provider.js";
import { MemoryRegistryStorage } from "../../src/core/registry/memory-registry-storage.js";
import { Registry } from "../../src/core/registry/registry.js";
import { inspectChain } from "../../src/core/chain.js";
import { LazyMigratorStateStore } from "../../src/core/stores/lazy-migrator-state-store.js";
import { defaultTransactionPolicy } from "../../src/core/transactions/transaction-policy.js";
import { MemoryChainWorkspace } from "../../src/core/workspace/memory-chain-workspace.js";
import { createFixtureHre, migrationsDir } from "../helpers/fixture.js";
import { deployToken } from "../helpers/migrations.js";
import { providerAccount } from "../../src/core/transactions/sending-account.js";

/** The in-process chain dressed up as a live network: a Geth client without evm_snapshot. */
function liveLooking(provider: Eip1193Provider, calls: string[]): Eip1193Provider {
  return {
    request: async (args) => {
      calls.push(args.method);
      if (args.method === "web3_clientVersion") {
        return "Geth/v1.14.0-stable/linux-amd64/go1.22";
      }
      if (args.method.startsWith("evm_")) {
        throw new Error(`the method ${args.method} does not exist/is not available`);
      }
      return provider.request(args);
    },
  };
}

/** A host over `provider` that keeps its registry in `storage`, no journal, and the Migrator store. */
async function liveLookingHost(
  provider: Eip1193Provider,
  connection: NetworkConnection,
  storage: MemoryRegistryStorage,
  artifacts: ArtifactResolver,
  dir: string,
): Promise<MigrationHost<unknown>> {
  const chain = await inspectChain(provider);
  return {
    networkName: "mainnet-like",
    provider,
    chain,
    workspace: { ...new MemoryChainWorkspace(storage), journal: undefined },
    store: new LazyMigratorStateStore(provider),
    settings: { policy: defaultTransactionPolicy(chain.isDevChain) },
    signers: {
      deployer: async () => providerAccount(provider, (await connection.ethers.getSigners())[0]!.address),
      signer: async (address) => providerAccount(provider, address),
    },
    migrationsDir: dir,
    artifacts,
    scripts: { importModule: (url) => import(url), extendContext: (core) => core },
  };
}

async function liveHost(files: Record<string, string>) {
  const hre = await createFixtureHre("basic");
  const connection: NetworkConnection = await hre.network.create();
  const calls: string[] = [];
  const storage = new MemoryRegistryStorage();
  const artifacts: ArtifactResolver = { readArtifact: async (name) => (await hre.artifacts.readArtifact(name)) as unknown as ContractArtifact };
  const host = await liveLookingHost(liveLooking(connection.provider, calls), connection, storage, artifacts, await migrationsDir(files));
  return { host, calls, connection };
}

describe("state operations on a live network", () => {
  it("--reset refuses without confirmation, saying what it would do", async () => {
    const { host, connection } = await liveHost({ "1_token.js": deployToken });
    await migrate(host);
    const block = await connection.ethers.provider.getBlockNumber();
    const error = await migrate(host, { reset: true }).catch((e: Error & { code?: string }) => e);
    expect((error as { code?: string }).code).to.equal("RESET_NEEDS_CONFIRMATION");
    expect((error as Error).message).to.contain("would deploy a new Migrator on mainnet-like").and.to.contain("run all 1 migration(s) again");
    expect(await connection.ethers.provider.getBlockNumber()).to.equal(block);
    const confirmed = await migrate(host, { reset: true, confirmReset: true });
    expect(confirmed.migrations.map((m) => m.id)).to.deep.equal([1]);
  });

  it("down refuses a migration without down(), naming it", async () => {
    const { host } = await liveHost({ "1_token.js": deployToken, "2_lib.js": `export default async function ({ deploy }) { await deploy("ConvertLib"); }` });
    await migrate(host);
    const error = await migrateDown(host, { steps: 2 }).catch((e: Error & { code?: string }) => e);
    expect((error as { code?: string }).code).to.equal("MIGRATION_IRREVERSIBLE");
    expect((error as Error).message).to.contain("Cannot undo 2_lib.js, 1_token.js on mainnet-like");
  });
});

describe("a failing migration on a network without snapshots (a live network)", () => {
  it("stops with the file and cause, keeps what it deployed in the registry, and records nothing", async () => {
    const hre = await createFixtureHre("basic");
    const connection: NetworkConnection = await hre.network.create();
    const calls: string[] = [];
    const provider = liveLooking(connection.provider, calls);
    const storage = new MemoryRegistryStorage();
    const artifacts: ArtifactResolver = { readArtifact: async (name) => (await hre.artifacts.readArtifact(name)) as unknown as ContractArtifact };
    const dir = await migrationsDir({
      "1_token.js": deployToken,
      "2_half.js": `export default async function ({ deploy }) { await deploy("ConvertLib"); throw new Error("second step failed"); }`,
    });
    const host = await liveLookingHost(provider, connection, storage, artifacts, dir);

    let message = "";
    try {
      await migrate(host);
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).to.contain("Migration 2_half.js failed: second step failed");
    expect(message).to.contain("mainnet-like cannot be rolled back").and.to.contain("not recorded as complete");
    expect(calls.filter((m) => m.startsWith("evm_"))).to.deep.equal([]);
    const chain = await inspectChain(provider);
    const registry = await Registry.open(storage, chain);
    expect(Object.keys(registry.all())).to.deep.equal(["ConvertLib", "Token"]);

    // The record holds migration 1 only: the next run retries migration 2.
    const retried: number[] = [];
    await migrate(host, { onEvent: (e) => e.type === "plan" && retried.push(...e.pending.map((m) => m.id)) }).catch(() => {});
    expect(retried).to.deep.equal([2]);
  });
});

import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import type { ChainInfo } from "../../../src/core/chain.js";
import { MigrationsError } from "../../../src/core/errors.js";
import { FileRegistryStorage } from "../../../src/core/registry/file-registry-storage.js";
import { MemoryRegistryStorage } from "../../../src/core/registry/memory-registry-storage.js";
import type { DeploymentRecord } from "../../../src/core/registry/registry-document.js";
import { Registry } from "../../../src/core/registry/registry.js";
import { tempDir } from "../../helpers/temp.js";

const chain: ChainInfo = { chainId: 5, genesisHash: "0xaaaa", clientVersion: "Geth/v1", isDevChain: false };
const devChain: ChainInfo = { ...chain, clientVersion: "HardhatNetwork/3", isDevChain: true };

const record = (address: string, migration: number): DeploymentRecord => ({
  address,
  artifact: "contracts/Token.sol:Token",
  transactionHash: `0x${"1".repeat(64)}`,
  blockNumber: migration,
  deployer: "0x000000000000000000000000000000000000dEaD",
  args: ["Token", "1000"],
  migration,
});
const A = "0x00000000000000000000000000000000000000A1";
const B = "0x00000000000000000000000000000000000000B2";

async function fileRegistry(target = chain): Promise<{ registry: Registry; file: string }> {
  const file = path.join(await tempDir(), `${target.chainId}.json`);
  return { registry: await Registry.open(new FileRegistryStorage(file), target), file };
}

async function openError(storage: FileRegistryStorage, target: ChainInfo): Promise<MigrationsError> {
  try {
    await Registry.open(storage, target);
  } catch (error) {
    expect(error).to.be.instanceOf(MigrationsError);
    return error as MigrationsError;
  }
  throw new Error("Registry.open did not throw");
}

describe("Registry", () => {
  it("saves each deployment to a stable, sorted JSON file that re-opens identically", async () => {
    const { registry, file } = await fileRegistry();
    await registry.recordDeployment("Token", record(A, 1));
    const text = await readFile(file, "utf8");
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).to.deep.equal(["chainId", "contracts", "format", "genesisHash"]);
    expect(doc).to.deep.include({ chainId: 5, genesisHash: "0xaaaa", format: "hardhat-migrations/registry@1" });
    expect(text.endsWith("}\n")).to.equal(true);

    const reopened = await Registry.open(new FileRegistryStorage(file), chain);
    expect(reopened.get("Token")).to.deep.equal(record(A, 1));
    expect(reopened.all()).to.deep.equal(registry.all());
  });

  it("keeps earlier addresses in the entry's history when a name is deployed again", async () => {
    const { registry } = await fileRegistry();
    await registry.recordDeployment("Token", record(A, 1));
    await registry.recordDeployment("Token", record(B, 2));
    const entry = registry.get("Token");
    expect(entry.address).to.equal(B);
    expect(entry.history).to.deep.equal([record(A, 1)]);
    await registry.recordDeployment("Token", record(A, 3));
    expect(registry.get("Token").history!.map((h) => h.migration)).to.deep.equal([1, 2]);
  });

  it("names what is registered when a name is unknown", async () => {
    const { registry } = await fileRegistry();
    await registry.recordDeployment("Token", record(A, 1));
    expect(() => registry.get("Tokn")).to.throw(MigrationsError, "Nothing named Tokn is deployed on chain 5. Registered: Token.");
    expect(registry.has("Tokn")).to.equal(false);
  });

  it("restores a checkpoint (a rolled-back migration's entries go) and saves it", async () => {
    const { registry, file } = await fileRegistry();
    await registry.recordDeployment("Token", record(A, 1));
    const checkpoint = registry.checkpoint();
    await registry.recordDeployment("Token", record(B, 2));
    await registry.recordDeployment("Vault", record(B, 2));
    await registry.restore(checkpoint);
    expect(registry.all()).to.deep.equal({ Token: record(A, 1) });
    const reopened = await Registry.open(new FileRegistryStorage(file), chain);
    expect(reopened.all()).to.deep.equal({ Token: record(A, 1) });
  });

  it("refuses a corrupt file and leaves it untouched", async () => {
    const file = path.join(await tempDir(), "5.json");
    await writeFile(file, '{"format": "hardhat-migrations/registry@1", "chainId": 5,');
    const error = await openError(new FileRegistryStorage(file), chain);
    expect(error.code).to.equal("REGISTRY_CORRUPT");
    expect(error.message).to.contain(file);
    expect(await readFile(file, "utf8")).to.equal('{"format": "hardhat-migrations/registry@1", "chainId": 5,');
  });

  it("refuses a file whose entries are malformed", async () => {
    const file = path.join(await tempDir(), "5.json");
    await writeFile(file, JSON.stringify({ format: "hardhat-migrations/registry@1", chainId: 5, genesisHash: "0xaaaa", contracts: { Token: { address: "nope" } } }));
    const error = await openError(new FileRegistryStorage(file), chain);
    expect(error.code).to.equal("REGISTRY_CORRUPT");
    expect(error.message).to.contain('the entry "Token" has no valid "address"');
  });

  it("refuses a file of another chain id", async () => {
    const { registry, file } = await fileRegistry();
    await registry.recordDeployment("Token", record(A, 1));
    const error = await openError(new FileRegistryStorage(file), { ...chain, chainId: 6 });
    expect(error.code).to.equal("REGISTRY_WRONG_CHAIN");
  });

  it("refuses, on a live chain, a file written for another genesis, and leaves it untouched", async () => {
    const { registry, file } = await fileRegistry();
    await registry.recordDeployment("Token", record(A, 1));
    const before = await readFile(file, "utf8");
    const error = await openError(new FileRegistryStorage(file), { ...chain, genesisHash: "0xbbbb" });
    expect(error.code).to.equal("REGISTRY_GENESIS_MISMATCH");
    expect(await readFile(file, "utf8")).to.equal(before);
  });

  it("starts fresh on a restarted dev chain, keeping the old file and saying so", async () => {
    const { registry, file } = await fileRegistry(devChain);
    await registry.recordDeployment("Token", record(A, 1));
    const notices: string[] = [];
    const restarted = await Registry.open(new FileRegistryStorage(file), { ...devChain, genesisHash: "0xcccc" }, {
      notice: (m) => notices.push(m),
    });
    expect(restarted.all()).to.deep.equal({});
    expect(notices).to.have.length(1);
    expect(notices[0]).to.contain("the dev chain was restarted");
    // Archived out of the way, in deployments/.archive/ (the docs say to keep it out of git).
    expect((await readdir(path.dirname(file))).filter((f) => f.includes("stale"))).to.deep.equal([]);
    const archived = await readdir(path.join(path.dirname(file), ".archive"));
    expect(archived.filter((f) => f.startsWith("5.stale-") && f.endsWith(".json"))).to.have.length(1);
    expect(notices[0]).to.contain(path.join(".archive", "5.stale-"));
  });

  it("keeps a memory registry for the life of its storage", async () => {
    const storage = new MemoryRegistryStorage();
    const registry = await Registry.open(storage, devChain);
    await registry.recordDeployment("Token", record(A, 1));
    expect((await Registry.open(storage, devChain)).get("Token").address).to.equal(A);
  });
});

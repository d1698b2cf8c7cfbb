import { expect } from "chai";
import { BrowserProvider, Contract, type Eip1193Provider, type InterfaceAbi, type Signer } from "ethers";
import { createHardhatRuntimeEnvironment } from "hardhat/hre";

import type { ArtifactResolver } from "../../../src/core/artifacts.js";
import { inspectChain } from "../../../src/core/chain.js";
import { MigrationsError } from "../../../src/core/errors.js";
import { MemoryRegistryStorage } from "../../../src/core/registry/memory-registry-storage.js";
import { Registry } from "../../../src/core/registry/registry.js";
import type { DeploymentResult } from "../../../src/core/results.js";
import { IMPLEMENTATION_SLOT } from "../../../src/core/upgrades/erc1967.js";
import { deployProxy, upgradeProxy, type ProxyDependencies } from "../../../src/core/upgrades/proxies.js";
import { StorageLayoutIncompatibleError } from "../../../src/core/upgrades/storage-layout-error.js";
import { compileArtifacts } from "../../helpers/solc-artifacts.js";
import { MigrationSender, createTransactionLayer } from "../../../src/core/transactions/migration-sender.js";
import type { DeployedContract } from "../../../src/core/deployed-contract.js";
import { senderTransactions, trackingSigner } from "../../helpers/tracking-signer.js";

const BOX = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Box {
  uint256 public value;
  address public owner;
  bool private initialized;
  function initialize(uint256 v) external { require(!initialized, "initialized"); initialized = true; value = v; owner = msg.sender; }
}
contract BoxV2 {
  uint256 public value;
  address public owner;
  bool private initialized;
  uint256 public bumps;
  function bump() external { value += 1; bumps += 1; }
}
contract BoxSwapped {
  address public owner;
  uint256 public value;
}
contract Plain { uint256 public x; }
`;

/**
 * ctx.deployProxy / ctx.upgradeProxy at the core's level: an in-process chain (EDR, no node, no
 * plugin), contracts compiled by solc-js, the registry in memory.
 */
describe("proxies (core)", function () {
  let provider: Eip1193Provider;
  let signer: Signer;
  let artifacts: ArtifactResolver;
  let registry: Registry;
  let deployments: DeploymentResult[];
  let deps: ProxyDependencies;
  let sending: Signer;
  /** The proxy as the ethers front-end gives it to a migration. */
  const ethersContract = (deployed: DeployedContract) => new Contract(deployed.address, deployed.abi as InterfaceAbi, sending);
  const blockNumber = async () => Number(BigInt((await provider.request({ method: "eth_blockNumber", params: [] })) as string));

  before(async function () {
    const hre = await createHardhatRuntimeEnvironment({});
    provider = (await hre.network.connect()).provider as unknown as Eip1193Provider;
    // No request cache: a migration reads storage right after its own transactions.
    signer = await new BrowserProvider(provider, undefined, { cacheTimeout: -1 }).getSigner(0);
    artifacts = compileArtifacts({ "contracts/Box.sol": BOX });
  });

  beforeEach(async function () {
    registry = await Registry.open(new MemoryRegistryStorage(), await inspectChain(provider, { inProcess: true }));
    deployments = [];
    // Sent and waited for through the plugin's one transaction path, as in a migration.
    const sender = new MigrationSender(createTransactionLayer(provider, {}), { id: 1, fileName: "1_proxies.ts" });
    const transactions = senderTransactions(sender, provider);
    deps = {
      migrationId: 1,
      artifacts,
      registry,
      deployer: await signer.getAddress(),
      provider,
      transactions,
      onDeployment: (d) => deployments.push(d),
      onLog: () => {},
    };
    // The contracts as the ethers front-end makes them: sending through the same path.
    sending = await trackingSigner(sender, provider, signer);
  });

  it("deploys a transparent proxy, initialises it through the proxy, and records implementation, admin and layout", async () => {
    const box = ethersContract(await deployProxy(deps, "Box", [42n]));
    expect(await box.getFunction("value")()).to.equal(42n);
    expect(await box.getFunction("owner")()).to.equal(await signer.getAddress());
    const entry = registry.get("Box");
    expect(entry.address).to.equal(await box.getAddress());
    expect(entry.proxy?.kind).to.equal("transparent");
    expect(entry.proxy?.admin).to.match(/^0x[0-9a-fA-F]{40}$/);
    expect(entry.proxy?.storageLayout?.storage.map((s) => s.label)).to.deep.equal(["value", "owner", "initialized"]);
    expect(deployments.map((d) => d.name)).to.deep.equal(["Box (implementation)", "Box (transparent proxy)"]);
  });

  it("upgrades in place: the state stays, the new functions work, the old implementation goes to the history", async () => {
    const box = ethersContract(await deployProxy(deps, "Box", [7n]));
    const first = registry.get("Box").proxy!.implementation;
    const upgraded = ethersContract(await upgradeProxy(deps, "Box", "BoxV2"));
    await (await upgraded.getFunction("bump")()).wait();
    expect(await upgraded.getFunction("value")()).to.equal(8n);
    expect(await upgraded.getAddress()).to.equal(await box.getAddress());
    const entry = registry.get("Box");
    expect(entry.proxy!.implementation).to.not.equal(first);
    expect(JSON.stringify(entry.history)).to.contain(first);
  });

  it("refuses an upgrade that would move variables, with each incompatibility, and sends nothing", async () => {
    await deployProxy(deps, "Box", [1n]);
    const before = await blockNumber();
    let refusal: unknown;
    try {
      await upgradeProxy(deps, "Box", "BoxSwapped");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).to.be.instanceOf(StorageLayoutIncompatibleError);
    const error = refusal as StorageLayoutIncompatibleError;
    expect(error.code).to.equal("STORAGE_LAYOUT_INCOMPATIBLE");
    expect(error.incompatibilities.map((i) => i.kind)).to.include("moved");
    expect(await blockNumber()).to.equal(before);
  });

  it("refuses to upgrade what is not a proxy deployed with deployProxy", async () => {
    const plain = await artifacts.readArtifact("Plain");
    await registry.recordDeployment("Plain", {
      address: `0x${"12".repeat(20)}`,
      artifact: `${plain.sourceName}:Plain`,
      transactionHash: `0x${"00".repeat(32)}`,
      blockNumber: 1,
      deployer: await signer.getAddress(),
      args: [],
      migration: 1,
    });
    const error = await upgradeProxy(deps, "Plain", "Plain").catch((e: unknown) => e);
    expect(MigrationsError.is(error, "NOT_A_PROXY")).to.equal(true, String(error));
  });

  it("refuses to upgrade a proxy whose implementation was changed outside the migrations", async () => {
    const box = ethersContract(await deployProxy(deps, "Box", [1n]));
    const elsewhere = `0x${"ab".repeat(20)}`;
    await provider.request({ method: "hardhat_setStorageAt", params: [await box.getAddress(), IMPLEMENTATION_SLOT, `0x${"0".repeat(24)}${elsewhere.slice(2)}`] });
    const error = await upgradeProxy(deps, "Box", "BoxV2").catch((e: unknown) => e);
    expect(MigrationsError.is(error, "PROXY_IMPLEMENTATION_MISMATCH")).to.equal(true, String(error));
    expect((error as Error).message.toLowerCase()).to.contain(elsewhere);
  });
});

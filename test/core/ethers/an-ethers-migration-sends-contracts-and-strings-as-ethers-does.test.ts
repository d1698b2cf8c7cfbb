import { expect } from "chai";
import type { NetworkConnection } from "hardhat/types/network";

import { inspectChain } from "../../../src/core/chain.js";
import { discoverMigrations } from "../../../src/core/discovery.js";
import { dressInEthers } from "../../../src/core/ethers/ethers-context.js";
import { executeMigration } from "../../../src/core/executor.js";
import { MemoryRegistryStorage } from "../../../src/core/registry/memory-registry-storage.js";
import { Registry } from "../../../src/core/registry/registry.js";
import { MigrationSender, createTransactionLayer } from "../../../src/core/transactions/migration-sender.js";
import { providerAccount } from "../../../src/core/transactions/sending-account.js";
import { createFixtureHre } from "../../helpers/fixture.js";
import { migrationsDir } from "../../helpers/temp.js";
import { compileArtifacts } from "../../helpers/solc-artifacts.js";

const SOURCES = {
  "contracts/Holder.sol": `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Plain {}
contract Holder {
    address public token;
    uint256 public amount;
    event AmountSet(uint256 amount);
    constructor(address token_, uint256 amount_) { token = token_; amount = amount_; }
    function setAmount(uint256 amount_) external { amount = amount_; emit AmountSet(amount_); }
}
`,
};

/**
 * The engine encodes with its own ABI coder and sends plain requests; the ethers front-end dresses
 * it (`dressInEthers`). A migration written for ethers keeps working: contracts passed where an
 * address belongs, amounts as strings, `tx.wait()` receipts with their logs.
 */
describe("an ethers migration sends contracts and strings as ethers does", () => {
  let connection: NetworkConnection;

  before(async () => {
    connection = await (await createFixtureHre("basic")).network.create();
  });

  it("deploys with a contract and a numeric string as arguments, records them as plain values, and waits with receipts and logs", async () => {
    const chain = await inspectChain(connection.provider, { inProcess: true });
    const dir = await migrationsDir({
      "1_holder.mjs": `
export default async function ({ deploy, registry, deployer }) {
  const plain = await deploy("Plain");
  const holder = await deploy("Holder", [plain, "7"]);
  const receipt = await (await holder.setAmount(9n)).wait();
  globalThis.probed = {
    plain: await plain.getAddress(),
    token: await holder.token(),
    amount: await holder.amount(),
    args: registry.get("Holder").args,
    logs: receipt.logs.length,
    parsed: holder.interface.parseLog(receipt.logs[0]).args[0],
    deployer: await deployer.getAddress(),
    from: receipt.from,
  };
}`,
    });
    const [migration] = await discoverMigrations(dir);
    const [signer] = await connection.ethers.getSigners();
    const registry = await Registry.open(new MemoryRegistryStorage(), chain);
    const result = await executeMigration({
      migration: migration!,
      network: { name: "hardhat", chainId: chain.chainId },
      deployer: providerAccount(connection.provider, signer!.address),
      accountFor: async (address) => providerAccount(connection.provider, address),
      artifacts: compileArtifacts(SOURCES),
      registry,
      importModule: (url) => import(url),
      extendContext: (core) => dressInEthers(core, (address) => connection.ethers.getSigner(address)),
      emit: () => {},
      sender: new MigrationSender(createTransactionLayer(connection.provider, { chainId: chain.chainId }), migration!),
    });
    const probed = (globalThis as { probed?: Record<string, unknown> }).probed!;
    expect(result.transactions).to.equal(3);
    expect(probed.token).to.equal(probed.plain);
    expect(probed.amount).to.equal(9n);
    expect(probed.args).to.deep.equal([probed.plain, "7"]);
    expect(probed.logs).to.equal(1);
    expect(probed.parsed).to.equal(9n);
    expect(probed.deployer).to.equal(signer!.address);
    expect(probed.from).to.equal(signer!.address);
  });
});

import { expect } from "chai";
import type { NetworkConnection } from "hardhat/types/network";

import type { MigrationEvent } from "../../../src/core/events.js";
import type { Eip1193Provider } from "../../../src/core/provider.js";
import { NonceManager } from "../../../src/core/transactions/nonce-manager.js";
import { MigrationSender, createTransactionLayer } from "../../../src/core/transactions/migration-sender.js";
import { sentResponse } from "../../../src/core/ethers/sent-response.js";
import { isRejectedForFees, readDevChainFees, rpcRequest } from "../../../src/core/transactions/provider-send.js";
import { createFixtureHre } from "../../helpers/fixture.js";
import { trackingSigner } from "../../helpers/tracking-signer.js";

const RECIPIENT = "0x00000000000000000000000000000000000beef1";

/** The in-process node, with every request it receives through the layer counted by method. */
function counted(provider: Eip1193Provider): { provider: Eip1193Provider; methods: Map<string, number> } {
  const methods = new Map<string, number>();
  return {
    methods,
    provider: {
      request: (args) => {
        methods.set(args.method, (methods.get(args.method) ?? 0) + 1);
        return provider.request(args);
      },
    },
  };
}

describe("the transaction layer", () => {
  let connection: NetworkConnection;

  before(async () => {
    const hre = await createFixtureHre("basic");
    connection = await hre.network.create();
  });

  describe("filling a dev chain's request", () => {
    it("adds gas and fees where the transaction has none, and keeps the ones it has", () => {
      const fees = { gas: 16_000_000n, maxFeePerGas: 3n, maxPriorityFeePerGas: 1n };
      const filled = rpcRequest({ to: RECIPIENT, data: "0x12", value: 5n }, "0xabc", RECIPIENT, 7, fees);
      expect(filled).to.deep.equal({ from: "0xabc", to: RECIPIENT, data: "0x12", value: "0x5", nonce: "0x7", gas: "0xf42400", maxFeePerGas: "0x3", maxPriorityFeePerGas: "0x1" });
      const own = rpcRequest({ to: RECIPIENT, gas: 21_000n, gasPrice: 9n }, "0xabc", RECIPIENT, 0, fees);
      expect(own).to.deep.equal({ from: "0xabc", to: RECIPIENT, nonce: "0x0", gas: "0x5208", gasPrice: "0x9" });
      expect(rpcRequest({ to: null, data: "0x60" }, "0xabc", null, 1, undefined)).to.deep.equal({ from: "0xabc", data: "0x60", nonce: "0x1" });
    });

    it("reads the chain's gas limit (capped at 2^24) and twice its base fee plus a tip", async () => {
      const fees = await readDevChainFees(connection.provider);
      expect(fees.gas <= 1n << 24n).to.equal(true);
      const block = (await connection.provider.request({ method: "eth_getBlockByNumber", params: ["latest", false] })) as { baseFeePerGas: string };
      expect(fees.maxFeePerGas).to.equal(BigInt(block.baseFeePerGas) * 2n + fees.maxPriorityFeePerGas!);
    });

    it("tells a refusal before the pool (fees, funds) from a revert (mined)", () => {
      expect(isRejectedForFees(new Error("max fee per gas less than block base fee"))).to.equal(true);
      expect(isRejectedForFees(new Error("sender doesn't have enough funds to send tx: insufficient funds"))).to.equal(true);
      expect(isRejectedForFees(new Error("VM Exception while processing transaction: reverted with reason string 'x'"))).to.equal(false);
      expect(isRejectedForFees(new Error("nonce too low"))).to.equal(false);
    });

    it("builds the response of what was sent, with the contract address ethers derives from it", () => {
      const sent = { hash: `0x${"11".repeat(32)}`, from: RECIPIENT, to: null, nonce: 2, data: "0x60", value: 0n, gas: 21_000n, maxFeePerGas: 3n, maxPriorityFeePerGas: 1n, chainId: 31337n };
      const response = sentResponse(connection.ethers.provider, sent, () => Promise.reject(new Error("not mined")));
      expect(response.nonce).to.equal(2);
      expect(response.to).to.equal(null);
      expect(response.type).to.equal(2);
      expect(response.gasLimit).to.equal(21_000n);
    });
  });

  describe("MigrationSender on the in-process network", () => {
    it("sends one eth_sendTransaction per transaction, with no estimate, fee history or fetch by hash, and serves the script's wait() from its cache", async () => {
      const { provider, methods } = counted(connection.provider);
      const events: MigrationEvent[] = [];
      const layer = createTransactionLayer(provider, { chainId: 31337, emit: (e) => events.push(e) });
      const sender = new MigrationSender(layer, { id: 1, fileName: "1_test.js" });
      const [deployer] = await connection.ethers.getSigners();
      const signer = await trackingSigner(sender, provider, deployer!);

      const token = await connection.ethers.getContractFactory("Token", signer);
      const deployed = await token.deploy("T", 100n);
      const deployReceipt = await deployed.deploymentTransaction()!.wait();
      const call = await deployed.getFunction("transfer")(RECIPIENT, 3n);
      const callReceipt = await call.wait();
      await sender.wait(call.hash);

      expect(deployReceipt!.contractAddress).to.equal(await deployed.getAddress());
      expect(callReceipt!.status).to.equal(1);
      expect(await deployed.getFunction("balanceOf")(RECIPIENT)).to.equal(3n);
      expect(methods.get("eth_sendTransaction")).to.equal(2);
      expect(methods.get("eth_getTransactionCount")).to.equal(1); // the first nonce only; the next is local
      for (const method of ["eth_estimateGas", "eth_feeHistory", "eth_getTransactionByHash"]) {
        expect(methods.has(method), method).to.equal(false);
      }
      expect(events.filter((e) => e.type === "tx-sent").map((e) => (e as { hash: string }).hash)).to.deep.equal([deployReceipt!.hash, callReceipt!.hash]);
      const mined = events.filter((e) => e.type === "tx-mined") as Array<Extract<MigrationEvent, { type: "tx-mined" }>>;
      expect(mined).to.have.length(2);
      expect(mined[1]!.cost).to.equal(callReceipt!.gasUsed * callReceipt!.gasPrice);
    });

    it("a reverted transaction's wait() throws as ethers' does", async () => {
      const layer = createTransactionLayer(connection.provider, { chainId: 31337 });
      const sender = new MigrationSender(layer, { id: 2, fileName: "2_test.js" });
      const [deployer] = await connection.ethers.getSigners();
      const token = await (await connection.ethers.getContractFactory("Token", await trackingSigner(sender, connection.provider, deployer!))).deploy("T", 1n);
      let message = "";
      try {
        await (await token.getFunction("transfer")(RECIPIENT, 5n)).wait();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).to.match(/balance too low|revert/);
    });
  });

  describe("an ethers response's wait(0)", () => {
    it("answers null at once while the transaction is not mined, and its receipt once it is", async () => {
      const layer = createTransactionLayer(connection.provider, { chainId: 31337 });
      const sender = new MigrationSender(layer, { id: 3, fileName: "3_test.js" });
      const [deployer] = await connection.ethers.getSigners();
      const signer = await trackingSigner(sender, connection.provider, deployer!);
      await connection.provider.request({ method: "evm_setAutomine", params: [false] });
      try {
        const response = await signer.sendTransaction({ to: RECIPIENT, value: 1n });
        expect(await response.wait(0)).to.equal(null);
        await connection.provider.request({ method: "evm_mine" });
        const receipt = await response.wait(0);
        expect(receipt?.hash).to.equal(response.hash);
        expect(receipt?.status).to.equal(1);
      } finally {
        await connection.provider.request({ method: "evm_setAutomine", params: [true] });
      }
    });
  });

  describe("NonceManager", () => {
    it("reads the pending count once, then counts locally; refresh never goes back", async () => {
      const { provider, methods } = counted(connection.provider);
      const nonces = new NonceManager(provider);
      const [, other] = await connection.ethers.getSigners();
      const first = await nonces.take(other!.address);
      expect(await nonces.take(other!.address)).to.equal(first + 1);
      expect(methods.get("eth_getTransactionCount")).to.equal(1);
      await nonces.refresh(other!.address, first + 5);
      expect(await nonces.take(other!.address)).to.equal(first + 5);
    });
  });
});

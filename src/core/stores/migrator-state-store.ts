import { Contract, ContractFactory, Interface, type Signer, type TransactionReceipt, type TransactionResponse } from "ethers";

import { MIGRATOR_ARTIFACT } from "../../generated/migrator-artifact.js";
import { MigrationsError, describeError } from "../errors.js";
import type { MigratorRecord } from "../registry/registry-document.js";
import type { Eip1193Provider } from "../provider.js";
import type { MigrationRecord, MigrationStateStore, StoreReceipt } from "./state-store.js";
import { sleep } from "../sleep.js";

export const MIGRATOR_INTERFACE = new Interface(MIGRATOR_ARTIFACT.abi);

/** The record kept on chain by the shipped Migrator contract (contracts/Migrator.sol). */
export class MigratorStateStore implements MigrationStateStore {
  readonly kind = "chain";
  readonly remembers = true;
  readonly #contract: Contract;

  private constructor(
    readonly address: string,
    private readonly provider: Eip1193Provider,
    signer: Signer | undefined,
    /** The Migrator's deployment block: where its events start. */
    private readonly fromBlock: number,
    /** Sender of the view calls (its deployer): a call without one makes Hardhat ask eth_accounts first. */
    private readonly from: string | undefined,
    /**
     * Set by `connect`: records go through the signer (a migration's journaling sender) and are
     * waited for with this; otherwise they are one raw eth_sendTransaction and a receipt.
     */
    private readonly waitFor?: (tx: TransactionResponse) => Promise<TransactionReceipt | null>,
  ) {
    this.#contract = new Contract(address, MIGRATOR_INTERFACE, signer ?? null);
  }

  /** The same Migrator, sending through `signer` and waiting with `wait` (a migration's sender). */
  connect(signer: Signer, wait: (tx: TransactionResponse) => Promise<TransactionReceipt>): MigratorStateStore {
    return new MigratorStateStore(this.address, this.provider, signer, this.fromBlock, this.from, wait);
  }

  get description(): string {
    return `Migrator ${this.address}`;
  }

  /** Deploys a new Migrator owned by `signer`. */
  static async deploy(
    provider: Eip1193Provider,
    signer: Signer,
    bytecode: string = MIGRATOR_ARTIFACT.bytecode,
    wait: (tx: TransactionResponse) => Promise<TransactionReceipt | null> = (tx) => tx.wait(),
  ): Promise<{ store: MigratorStateStore; record: MigratorRecord; gasUsed: bigint }> {
    const factory = new ContractFactory(MIGRATOR_INTERFACE, bytecode, signer);
    const contract = await factory.deploy();
    const receipt = await wait(contract.deploymentTransaction()!);
    if (receipt === null || receipt.status !== 1) {
      throw new MigrationsError("MIGRATOR_DEPLOYMENT_FAILED", { hash: contract.deploymentTransaction()!.hash, status: receipt?.status ?? "unknown" });
    }
    const address = await contract.getAddress();
    const deployer = await signer.getAddress();
    return {
      store: new MigratorStateStore(address, provider, signer, receipt.blockNumber, deployer),
      record: {
        address,
        transactionHash: receipt.hash,
        blockNumber: receipt.blockNumber,
        deployer,
      },
      gasUsed: receipt.gasUsed,
    };
  }

  /**
   * Attaches to the Migrator and reads its record (one round trip). With a `signer`, also checks
   * that it owns the Migrator; without one the store can only read. Resolves `undefined` when
   * there is no code at the address.
   */
  static async attach(
    provider: Eip1193Provider,
    signer: Signer | undefined,
    migrator: Pick<MigratorRecord, "address" | "blockNumber"> & { readonly deployer?: string },
    registryFile: string,
  ): Promise<{ store: MigratorStateStore; completed: Set<number> } | undefined> {
    const { address, deployer: from } = migrator;
    let completedRaw: string;
    let owner: string | undefined;
    try {
      const [raw, ownerRaw] = await Promise.all([
        ethCall(provider, address, MIGRATOR_INTERFACE.encodeFunctionData("completed"), from),
        signer === undefined ? undefined : ethCall(provider, address, MIGRATOR_INTERFACE.encodeFunctionData("owner"), from),
      ]);
      completedRaw = raw;
      if (raw === "0x" && (await provider.request({ method: "eth_getCode", params: [address, "latest"] })) === "0x") {
        return undefined;
      }
      owner = ownerRaw === undefined ? undefined : (MIGRATOR_INTERFACE.decodeFunctionResult("owner", ownerRaw)[0] as string);
    } catch (error) {
      throw new MigrationsError("MIGRATOR_INCOMPATIBLE", { address, reason: describeError(error), file: registryFile }, { cause: error });
    }
    let completed: Set<number>;
    try {
      completed = decodeCompleted(completedRaw);
    } catch (error) {
      throw new MigrationsError("MIGRATOR_INCOMPATIBLE", { address, reason: describeError(error), file: registryFile }, { cause: error });
    }
    if (signer !== undefined && owner !== undefined) {
      const deployer = await signer.getAddress();
      if (owner.toLowerCase() !== deployer.toLowerCase()) {
        throw new MigrationsError("MIGRATOR_NOT_OWNER", { deployer, address, owner });
      }
    }
    return { store: new MigratorStateStore(address, provider, signer, migrator.blockNumber, from), completed };
  }

  async completed(): Promise<Set<number>> {
    return decodeCompleted(await ethCall(this.provider, this.address, MIGRATOR_INTERFACE.encodeFunctionData("completed"), this.from));
  }

  /**
   * The completed set (one call) with each id's content hash and recording transaction, from the
   * Migrator's events since its deployment (one eth_getLogs), in the order they were recorded.
   */
  async records(known?: ReadonlySet<number>): Promise<MigrationRecord[]> {
    const completedTopic = MIGRATOR_INTERFACE.getEvent("MigrationCompleted")!.topicHash;
    const [completed, logs] = await Promise.all([
      known ?? this.completed(),
      this.provider.request({
        method: "eth_getLogs",
        params: [{ address: this.address, topics: [completedTopic], fromBlock: `0x${this.fromBlock.toString(16)}`, toBlock: "latest" }],
      }) as Promise<Array<{ topics: string[]; data: string; transactionHash: string; blockNumber: string; logIndex: string }>>,
    ]);
    const latest = new Map<number, MigrationRecord>();
    for (const log of logs) {
      const event = decodeCompletedEvent(log);
      if (event === undefined) {
        continue;
      }
      const { id, contentHash } = event;
      latest.delete(id);
      latest.set(id, {
        id,
        contentHash,
        transactionHash: log.transactionHash,
        blockNumber: Number(BigInt(log.blockNumber)),
      });
    }
    const records = [...latest.values()].filter((r) => completed.has(r.id));
    for (const id of completed) {
      if (!latest.has(id)) {
        records.push({ id });
      }
    }
    return records;
  }

  async record(id: number, contentHash: string): Promise<StoreReceipt> {
    return this.#send("record", [id, contentHash], id);
  }

  async unrecord(id: number): Promise<StoreReceipt> {
    return this.#send("unrecord", [id], id);
  }

  /**
   * Sends `record`/`unrecord` as one `eth_sendTransaction` from the owner and fetches its receipt:
   * the node (or Hardhat's account handlers) fills in gas, fees and nonce, so the record costs two
   * round trips instead of the six of an ethers contract call (block, fees, estimate, send, the
   * transaction by hash, receipt).
   */
  async #send(method: "record" | "unrecord", args: unknown[], id: number): Promise<StoreReceipt> {
    try {
      if (this.waitFor !== undefined) {
        const tx = (await this.#contract.getFunction(method).send(...args)) as TransactionResponse;
        const receipt = await this.waitFor(tx);
        if (receipt !== null && receipt.status !== 1) {
          // Find out why (a Migrator custom error) by replaying the call.
          await this.#contract.getFunction(method).staticCall(...args);
          throw new MigrationsError("MIGRATOR_CALL_REVERTED", { method, id, hash: receipt.hash });
        }
        return receipt === null ? {} : { transactionHash: receipt.hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed };
      }
      const from = await this.#runnerAddress();
      const data = MIGRATOR_INTERFACE.encodeFunctionData(method, args);
      const hash = (await this.provider.request({ method: "eth_sendTransaction", params: [{ from, to: this.address, data }] })) as string;
      const receipt = await minedReceipt(this.provider, hash);
      if (BigInt(receipt.status) !== 1n) {
        throw new MigrationsError("MIGRATOR_CALL_REVERTED", { method, id, hash });
      }
      return { transactionHash: hash, blockNumber: Number(BigInt(receipt.blockNumber)), gasUsed: BigInt(receipt.gasUsed) };
    } catch (error) {
      const revert = revertName(error);
      if (revert === "AlreadyRecorded") {
        throw new MigrationsError("MIGRATION_ALREADY_RECORDED", { id, store: this.description }, { cause: error });
      }
      if (revert === "NotOwner") {
        const owner = MIGRATOR_INTERFACE.decodeFunctionResult(
          "owner",
          await ethCall(this.provider, this.address, MIGRATOR_INTERFACE.encodeFunctionData("owner"), this.from),
        )[0] as string;
        throw new MigrationsError("MIGRATOR_NOT_OWNER", { deployer: await this.#runnerAddress(), address: this.address, owner }, { cause: error });
      }
      if (revert === "NotRecorded") {
        throw new MigrationsError("MIGRATION_NOT_RECORDED", { id, store: this.description }, { cause: error });
      }
      throw error;
    }
  }

  async #runnerAddress(): Promise<string> {
    return (this.#contract.runner as Signer).getAddress();
  }
}

/**
 * The receipt of `hash`, asked for at once (an automining dev chain has it already), then every
 * 250 ms up to every 2 s while the transaction is pending.
 */
async function minedReceipt(provider: Eip1193Provider, hash: string): Promise<{ status: string; blockNumber: string; gasUsed: string }> {
  for (let delay = 250; ; delay = Math.min(delay * 2, 2000)) {
    const receipt = (await provider.request({ method: "eth_getTransactionReceipt", params: [hash] })) as { status: string; blockNumber: string; gasUsed: string } | null;
    if (receipt !== null) {
      return receipt;
    }
    await sleep(delay);
  }
}

/**
 * `MigrationCompleted(uint256 indexed id, bytes32 contentHash)` read straight from its topics and
 * data (the id is topic 1, the hash the 32 bytes of data): `status` reads one per recorded
 * migration, and ethers' generic `parseLog` costs more than the rest of `status` for a thousand.
 */
function decodeCompletedEvent(log: { topics: string[]; data: string }): { id: number; contentHash: string } | undefined {
  if (log.topics.length === 2 && /^0x[0-9a-fA-F]{64}$/.test(log.data)) {
    return { id: Number(BigInt(log.topics[1]!)), contentHash: log.data.toLowerCase() };
  }
  const parsed = MIGRATOR_INTERFACE.parseLog(log);
  return parsed === null ? undefined : { id: Number(parsed.args[0] as bigint), contentHash: parsed.args[1] as string };
}

async function ethCall(provider: Eip1193Provider, to: string, data: string, from: string | undefined): Promise<string> {
  return (await provider.request({ method: "eth_call", params: [{ ...(from !== undefined ? { from } : {}), to, data }, "latest"] })) as string;
}

function decodeCompleted(raw: string): Set<number> {
  const [ids] = MIGRATOR_INTERFACE.decodeFunctionResult("completed", raw) as unknown as [bigint[]];
  return new Set(ids.map((id) => Number(id)));
}

/** The name of the Migrator custom error inside whatever ethers or the node threw. */
export function revertName(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const item = queue.shift();
    if (item === null || typeof item !== "object" || seen.has(item)) {
      continue;
    }
    seen.add(item);
    const e = item as { revert?: { name?: unknown }; data?: unknown; error?: unknown; cause?: unknown; info?: unknown };
    if (typeof e.revert?.name === "string") {
      return e.revert.name;
    }
    if (typeof e.data === "string" && e.data.startsWith("0x") && e.data.length >= 10) {
      try {
        const parsed = MIGRATOR_INTERFACE.parseError(e.data);
        if (parsed !== null) {
          return parsed.name;
        }
      } catch {
        // not one of ours
      }
    }
    queue.push(e.error, e.cause, e.info, e.data);
  }
  return undefined;
}

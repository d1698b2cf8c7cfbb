import { Interface, type Signer } from "ethers";

import { MIGRATOR_ARTIFACT } from "../../generated/migrator-artifact.js";
import { MigrationsError, describeError } from "../errors.js";
import type { MigratorRecord } from "../registry/registry-document.js";
import type { Eip1193Provider } from "../provider.js";
import type { MigrationRecord, MigrationStateStore, StoreReceipt, StoreSender } from "./state-store.js";

export const MIGRATOR_INTERFACE = new Interface(MIGRATOR_ARTIFACT.abi);

/** The record kept on chain by the shipped Migrator contract (contracts/Migrator.sol). */
export class MigratorStateStore implements MigrationStateStore {
  readonly kind = "chain";
  readonly remembers = true;

  private constructor(
    readonly address: string,
    private readonly provider: Eip1193Provider,
    /** The Migrator's deployment block: where its events start. */
    private readonly fromBlock: number,
    /** Sender of the view calls (its deployer): a call without one makes Hardhat ask eth_accounts first. */
    private readonly from: string | undefined,
    /** Set by `connect`: how records and unrecords are sent (the plugin's transaction path). */
    private readonly sender?: StoreSender,
  ) {}

  /** The same Migrator, sending its transactions through `sender`. */
  connect(sender: StoreSender): MigratorStateStore {
    return new MigratorStateStore(this.address, this.provider, this.fromBlock, this.from ?? sender.from, sender);
  }

  get description(): string {
    return `Migrator ${this.address}`;
  }

  /** Deploys a new Migrator owned by `sender.from`, through `sender`; the store sends through it. */
  static async deploy(
    provider: Eip1193Provider,
    sender: StoreSender,
    bytecode: string = MIGRATOR_ARTIFACT.bytecode,
  ): Promise<{ store: MigratorStateStore; record: MigratorRecord; gasUsed: bigint }> {
    const receipt = await sender.send({ to: null, data: bytecode });
    if (receipt.status !== 1 || receipt.contractAddress === null) {
      throw new MigrationsError("MIGRATOR_DEPLOYMENT_FAILED", { hash: receipt.hash, status: receipt.status ?? "unknown" });
    }
    const address = receipt.contractAddress;
    const deployer = sender.from;
    return {
      store: new MigratorStateStore(address, provider, receipt.blockNumber, deployer, sender),
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
    return { store: new MigratorStateStore(address, provider, migrator.blockNumber, from), completed };
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

  /** Sends `record`/`unrecord` through the store's sender (see `connect`). */
  async #send(method: "record" | "unrecord", args: unknown[], id: number): Promise<StoreReceipt> {
    const sender = this.sender;
    if (sender === undefined) {
      throw new Error(`${this.description} was opened read-only: connect it to the run's transaction sender to ${method}.`);
    }
    const data = MIGRATOR_INTERFACE.encodeFunctionData(method, args);
    try {
      const receipt = await sender.send({ to: this.address, data });
      if (receipt.status !== 1) {
        // Find out why (a Migrator custom error) by replaying the call.
        await ethCall(this.provider, this.address, data, sender.from);
        throw new MigrationsError("MIGRATOR_CALL_REVERTED", { method, id, hash: receipt.hash });
      }
      return { transactionHash: receipt.hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed };
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
        throw new MigrationsError("MIGRATOR_NOT_OWNER", { deployer: sender.from, address: this.address, owner }, { cause: error });
      }
      if (revert === "NotRecorded") {
        throw new MigrationsError("MIGRATION_NOT_RECORDED", { id, store: this.description }, { cause: error });
      }
      throw error;
    }
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

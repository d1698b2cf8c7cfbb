import { encodeFunctionCall } from "../eth/abi-function.js";
import { ZERO_HASH } from "../eth/hex.js";
import { MIGRATOR_ADMIN_ARTIFACT } from "../../generated/migrator-artifact.js";
import { create2Address } from "../deterministic/create2-factory.js";
import { MigrationsError } from "../errors.js";
import type { MigratorBaseline, MigratorRecord } from "../registry/registry-document.js";
import type { Eip1193Provider } from "../provider.js";
import { COMPLETED_CALL, LEGACY_MIGRATOR_ABI, decodeIdArray } from "./legacy-migrator.js";
import { OWNER_CALL, decodeOwner, readAttachedRecord } from "./migrator-attach.js";
import { MIGRATOR_ABI, type RecordEvent, completedOf, readRecord, readRecordEvents } from "./migrator-events.js";
import { deployMigratorContract, migratorInitCode, type MigratorDeployOptions, type MigratorDesign } from "./migrator-deployment.js";
import { ethCall, revertName } from "./migrator-rpc.js";
import type { MigrationRecord, MigrationStateStore, StoreReceipt, StoreSender } from "./state-store.js";

export { MIGRATOR_ABI } from "./migrator-events.js";
export { revertName } from "./migrator-rpc.js";
export type { MigratorDeployOptions, MigratorDesign } from "./migrator-deployment.js";

/** Whoever may send through the store: checked against the Migrator's owner by `attach`. */
export interface OwnerCandidate {
  readonly address: string;
}

/** What the store knows of a version-2 record, shared by its `connect`ed copies. */
interface KnownRecord {
  version: bigint;
  events: RecordEvent[];
  /** `completedOf(events)`, kept in step with `events` (recording is not quadratic in the ids). */
  completed?: Set<number>;
}

function knownCompleted(known: KnownRecord): Set<number> {
  return (known.completed ??= completedOf(known.events));
}

/**
 * The record kept on chain by the shipped Migrator (contracts/Migrator.sol, design 2: one slot
 * with the owner and a version, the set in its events, every change a compare-and-swap on the
 * version), or by a Migrator of the earlier design (1: the set in storage) that a registry names.
 */
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
    readonly design: MigratorDesign,
    private readonly known: KnownRecord,
    private readonly baseline: MigratorBaseline | undefined,
    /** Set by `connect`: how records and unrecords are sent (the plugin's transaction path). */
    private readonly sender?: StoreSender,
  ) {}

  /** The same Migrator, sending its transactions through `sender`. */
  connect(sender: StoreSender): MigratorStateStore {
    return new MigratorStateStore(this.address, this.provider, this.fromBlock, this.from ?? sender.from, this.design, this.known, this.baseline, sender);
  }

  get description(): string {
    return `Migrator ${this.address}`;
  }

  get #abi(): readonly unknown[] {
    return this.design === 2 ? MIGRATOR_ABI : LEGACY_MIGRATOR_ABI;
  }

  /**
   * Deploys a new Migrator owned by `sender.from`, through `sender`; the store sends through it.
   * The shipped design needs its chain's shared MigratorAdmin, deployed first (once per chain,
   * through the CREATE2 factory when the chain has it, so at one address everywhere; a plain
   * deployment otherwise).
   */
  static async deploy(
    provider: Eip1193Provider,
    sender: StoreSender,
    options: MigratorDeployOptions = {},
  ): Promise<{ store: MigratorStateStore; record: MigratorRecord; gasUsed: bigint }> {
    const { record, gasUsed, design } = await deployMigratorContract(provider, sender, options);
    const store = new MigratorStateStore(record.address, provider, record.blockNumber, record.deployer, design, { version: 0n, events: [] }, undefined, sender);
    return { store, record, gasUsed };
  }

  /** Where `deploy` with `salt` puts the Migrator of `owner` (the shipped design, factory on the chain). */
  static deterministicAddress(owner: string, salt: string): string {
    const admin = create2Address(ZERO_HASH, MIGRATOR_ADMIN_ARTIFACT.bytecode);
    return create2Address(salt, migratorInitCode(owner, admin));
  }

  /**
   * Attaches to the Migrator and reads its record: one round trip (its version, owner and events
   * asked at once; design 1: `completed()` and owner). With a `signer`, also checks that it owns
   * the Migrator; without one the store can only read (`connect` it to send). Resolves `undefined`
   * when there is no code at the address. A contract that answers wrong is MIGRATOR_INCOMPATIBLE;
   * a node that fails to answer, MIGRATOR_UNREACHABLE (see `readAttachedRecord`).
   */
  static async attach(
    provider: Eip1193Provider,
    signerOrPromise: OwnerCandidate | Promise<OwnerCandidate> | undefined,
    migrator: Pick<MigratorRecord, "address" | "blockNumber" | "baseline"> & { readonly deployer?: string; readonly design?: MigratorDesign },
    where: { readonly file: string; readonly network: string },
  ): Promise<{ store: MigratorStateStore; completed: Set<number> } | undefined> {
    const { address, deployer: from } = migrator;
    // Resolved while the record is read: the owner check needs it only at the end.
    const signerPromise = signerOrPromise === undefined ? undefined : Promise.resolve(signerOrPromise);
    signerPromise?.catch(() => {});
    const design: MigratorDesign = migrator.design === 2 ? 2 : 1;
    const read = await readAttachedRecord(provider, { ...migrator, design }, where, signerPromise !== undefined);
    if (read === undefined) {
      return undefined;
    }
    const signer = await signerPromise;
    if (signer !== undefined && read.owner !== undefined) {
      const deployer = signer.address;
      if (read.owner.toLowerCase() !== deployer.toLowerCase()) {
        throw new MigrationsError("MIGRATOR_NOT_OWNER", { deployer, address, owner: read.owner });
      }
    }
    return { store: new MigratorStateStore(address, provider, migrator.blockNumber, from, design, read.known, migrator.baseline), completed: read.completed };
  }

  async completed(): Promise<Set<number>> {
    if (this.design === 1) {
      return decodeIdArray(await ethCall(this.provider, this.address, COMPLETED_CALL, this.from));
    }
    return completedOf(await this.#refresh());
  }

  /**
   * The completed set with each id's content hash and recording transaction, in the order they
   * were recorded, from the Migrator's events since its deployment (design 2: the events the
   * set was read from, no further request).
   */
  async records(known?: ReadonlySet<number>): Promise<MigrationRecord[]> {
    const [completed, events] =
      this.design === 2
        ? [undefined, known !== undefined ? this.known.events : await this.#refresh()]
        : await Promise.all([known ?? this.completed(), readRecordEvents(this.provider, this.address, this.fromBlock, "latest")]);
    const latest = new Map<number, MigrationRecord>();
    for (const event of events) {
      latest.delete(event.id);
      if (event.contentHash !== undefined) {
        latest.set(event.id, {
          id: event.id,
          contentHash: event.contentHash,
          ...(event.transactionHash !== undefined ? { transactionHash: event.transactionHash } : {}),
          ...(event.blockNumber !== undefined ? { blockNumber: event.blockNumber } : {}),
        });
      }
    }
    if (completed === undefined) {
      return [...latest.values()];
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
    return this.#change("record", id, contentHash);
  }

  async unrecord(id: number): Promise<StoreReceipt> {
    if (this.design === 2 && !knownCompleted(this.known).has(id) && !(await this.completed()).has(id)) {
      throw new MigrationsError("MIGRATION_NOT_RECORDED", { id, store: this.description });
    }
    return this.#change("unrecord", id, undefined);
  }

  async #refresh(): Promise<RecordEvent[]> {
    const record = await readRecord(this.provider, this.address, this.fromBlock, this.from, this.baseline);
    this.known.version = record.version;
    this.known.events = record.events;
    delete this.known.completed;
    return record.events;
  }

  /**
   * Design 2: sends the change computed from the version this store last read. A StaleVersion
   * revert means another runner changed the record: read it again; if that runner recorded this
   * very id, that is MIGRATION_ALREADY_RECORDED (the on-chain duplicate guard), else retry.
   */
  async #change(method: "record" | "unrecord", id: number, contentHash: string | undefined): Promise<StoreReceipt> {
    if (method === "record" && this.design === 2 && knownCompleted(this.known).has(id)) {
      // The record as of the version this store holds has it: the contract would accept a
      // duplicate computed from the current version, so the check is here.
      throw new MigrationsError("MIGRATION_ALREADY_RECORDED", { id, store: this.description });
    }
    for (let attempt = 0; ; attempt++) {
      const key = this.design === 2 ? (this.known.version << 64n) | BigInt(id) : BigInt(id);
      const args = method === "record" ? [key, contentHash] : [key];
      try {
        const receipt = await this.#send(method, args, id);
        if (this.design === 2) {
          this.known.version += 1n;
          const completed = knownCompleted(this.known);
          this.known.events.push({ id, ...(contentHash !== undefined ? { contentHash } : {}), transactionHash: receipt.transactionHash ?? ZERO_HASH, blockNumber: receipt.blockNumber ?? 0 });
          if (contentHash === undefined) {
            completed.delete(id);
          } else {
            completed.add(id);
          }
        }
        return receipt;
      } catch (error) {
        if (this.design !== 2 || revertName(error) !== "StaleVersion") {
          throw error;
        }
        const now = completedOf(await this.#refresh());
        if (method === "record" && now.has(id)) {
          throw new MigrationsError("MIGRATION_ALREADY_RECORDED", { id, store: this.description }, { cause: error });
        }
        if (method === "unrecord" && !now.has(id)) {
          throw new MigrationsError("MIGRATION_NOT_RECORDED", { id, store: this.description }, { cause: error });
        }
        if (attempt >= 4) {
          throw error;
        }
      }
    }
  }

  /** Sends `record`/`unrecord` through the store's sender (see `connect`): the plugin's transaction path. */
  async #send(method: "record" | "unrecord", args: unknown[], id: number): Promise<StoreReceipt> {
    const sender = this.sender;
    if (sender === undefined) {
      throw new Error(`${this.description} was opened read-only: connect it to the run's transaction sender to ${method}.`);
    }
    const data = encodeFunctionCall(this.#abi, method, args);
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
        const owner = decodeOwner(await ethCall(this.provider, this.address, OWNER_CALL, this.from));
        throw new MigrationsError("MIGRATOR_NOT_OWNER", { deployer: sender.from, address: this.address, owner }, { cause: error });
      }
      if (revert === "NotRecorded") {
        throw new MigrationsError("MIGRATION_NOT_RECORDED", { id, store: this.description }, { cause: error });
      }
      throw error;
    }
  }
}

import { MIGRATOR_ADMIN_ARTIFACT } from "../../generated/migrator-artifact.js";
import { DETERMINISTIC_DEPLOYMENT_PROXY, create2Address, hasCode } from "../deterministic/create2-factory.js";
import { ZERO_HASH } from "../eth/hex.js";
import type { MigratorRecord } from "../registry/registry-document.js";
import { MigrationsError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import { bookkeepingKey, journaledStep, storeSender } from "../transactions/journaled-step.js";
import { MigratorStateStore } from "./migrator-state-store.js";
import type { MigrationRecord, MigrationStateStore, StateStoreRun, StoreReceipt, StoreSender } from "./state-store.js";
import { invariant } from "../invariant.js";

/** The journal's pseudo migration id of the Migrator's own deployment (real ids are positive). */
export const MIGRATOR_STEP_ID = 0;

/**
 * The Migrator store as a host injects it: before `open` it knows only the provider (and a custom
 * Migrator's bytecode); `open` finds the Migrator the registry names, and when there is none the
 * store deploys one on `prepare()` or its first `record()`. With the run's transaction layer the
 * deployment is journaled (as migration 0) and resumed like a migration's, so a run killed while
 * deploying it does not leave a second Migrator behind.
 */
export class LazyMigratorStateStore implements MigrationStateStore {
  readonly kind = "chain";
  readonly remembers = true;
  #run: StateStoreRun | undefined;
  #migrator: MigratorStateStore | undefined;

  constructor(
    private readonly provider: Eip1193Provider,
    /**
     * `custom`: a custom Migrator's creation bytecode and design (checked by the host); default the
     * shipped one. `salt`: deploy it through the CREATE2 factory (one address on every chain).
     */
    private readonly options: { readonly custom?: { readonly bytecode: string; readonly design: 1 | 2 }; readonly salt?: string } = {},
  ) {}

  get undeployed(): boolean {
    return this.#migrator === undefined;
  }

  get description(): string {
    return this.#migrator?.description ?? "none";
  }

  async open(run: StateStoreRun): Promise<Set<number>> {
    this.#run = run;
    this.#migrator = undefined;
    const journal = run.layer?.journal;
    if (journal !== undefined && run.registry.migrator !== undefined && journal.interrupted().has(MIGRATOR_STEP_ID)) {
      // The Migrator was deployed and registered just before the process died.
      await journal.append({ type: "migration-completed", migration: MIGRATOR_STEP_ID });
    }
    const known = run.registry.migrator ?? (await this.#deterministic(run));
    if (known === undefined) {
      return new Set();
    }
    // The deployer is resolved while the record is read (one round trip for both).
    const signer = run.readOnly ? undefined : run.deployer();
    const attached = await MigratorStateStore.attach(this.provider, signer, known, { file: run.registry.storage.location, network: run.networkName });
    if (attached !== undefined) {
      this.#migrator = attached.store;
      return attached.completed;
    }
    if (!run.chain.isDevChain) {
      throw new MigrationsError("MIGRATOR_NOT_FOUND", { address: known.address, network: run.networkName, file: run.registry.storage.location });
    }
    if (!run.readOnly) {
      await run.registry.discard(`the Migrator at ${known.address} has no code (the dev chain was reset)`, (message) =>
        run.emit({ type: "notice", message }),
      );
    }
    return new Set();
  }

  /**
   * With a Migrator salt and no Migrator in the registry: the Migrator already at its CREATE2
   * address (this project's, deployed from another clone or before the registry was lost) is
   * adopted with its record, instead of being "deployed" again over migrations that already ran.
   */
  async #deterministic(run: StateStoreRun): Promise<MigratorRecord | undefined> {
    const { salt, custom } = this.options;
    if (salt === undefined || custom !== undefined) {
      return undefined;
    }
    const deployer = (await run.deployer()).address;
    const address = MigratorStateStore.deterministicAddress(deployer, salt);
    if (!(await hasCode(this.provider, address))) {
      return undefined;
    }
    const record: MigratorRecord = {
      address,
      transactionHash: ZERO_HASH,
      blockNumber: 0,
      deployer,
      design: 2,
      admin: create2Address(ZERO_HASH, MIGRATOR_ADMIN_ARTIFACT.bytecode),
      salt,
      factory: DETERMINISTIC_DEPLOYMENT_PROXY.address,
    };
    if (!run.readOnly) {
      await run.registry.setMigrator(record);
      run.emit({ type: "notice", message: `Using the Migrator already at ${address} (its CREATE2 address for this deployer and salt).` });
    }
    return record;
  }

  async prepare(): Promise<{ address: string; gasUsed: bigint } | undefined> {
    return this.#migrator === undefined ? this.#deploy() : undefined;
  }

  /**
   * A new, empty Migrator (the current one stays on chain, no longer used), deployed by
   * `prepare()` or the first `record()`: after the run has said what it will do.
   */
  async reset(): Promise<void> {
    this.#migrator = undefined;
  }

  async completed(): Promise<Set<number>> {
    return (await this.#migrator?.completed()) ?? new Set();
  }

  async records(completed?: ReadonlySet<number>): Promise<MigrationRecord[]> {
    return (await this.#migrator?.records(completed)) ?? [];
  }

  /** Not connected to a migration's sender: sent through the run's layer as the bookkeeping of `id`. */
  async record(id: number, contentHash: string): Promise<StoreReceipt> {
    const migrator = await this.#deployed();
    return this.#bookkeeping(id, `record of ${id}`, async (sender) => migrator.connect(sender).record(id, contentHash));
  }

  async unrecord(id: number): Promise<StoreReceipt> {
    if (this.#migrator === undefined) {
      // No Migrator: nothing is recorded (and nothing is deployed to say so).
      throw new MigrationsError("MIGRATION_NOT_RECORDED", { id, store: "the Migrator (not deployed yet)" });
    }
    const migrator = this.#migrator;
    return this.#bookkeeping(id, `unrecord of ${id}`, async (sender) => migrator.connect(sender).unrecord(id));
  }

  async #bookkeeping(id: number, label: string, body: (sender: StoreSender) => Promise<StoreReceipt>): Promise<StoreReceipt> {
    const run = this.#run;
    if (run?.layer === undefined) {
      throw new Error("The Migrator store was opened without the run's transaction layer: it cannot send.");
    }
    return journaledStep(run.layer, bookkeepingKey(id), label, async (sender) => body(await storeSender(sender, await run.deployer())));
  }

  connect(sender: StoreSender): MigrationStateStore {
    const connected = async () => (await this.#deployed()).connect(sender);
    return {
      kind: this.kind,
      remembers: true,
      description: this.description,
      completed: () => this.completed(),
      records: (completed) => this.records(completed),
      record: async (id, contentHash) => (await connected()).record(id, contentHash),
      unrecord: async (id) => (await connected()).unrecord(id),
    };
  }

  async #deployed(): Promise<MigratorStateStore> {
    if (this.#migrator === undefined) {
      await this.#deploy();
    }
    return this.#migrator!;
  }

  /**
   * Deploys a Migrator from the deployer through the run's transaction layer (journaled as
   * migration 0, resumed like a migration's) and records it in the registry.
   */
  async #deploy(): Promise<{ address: string; gasUsed: bigint }> {
    const run = this.#run;
    invariant(run !== undefined && !run.readOnly, "the Migrator store was not opened for writing");
    const layer = run.layer;
    if (layer === undefined) {
      throw new Error("The Migrator store was opened without the run's transaction layer: it cannot deploy.");
    }
    const deployer = await run.deployer();
    const options = { ...this.options, chain: { isDevChain: run.chain.isDevChain, network: run.networkName } };
    const deployed = await journaledStep(layer, MIGRATOR_STEP_ID, "(the Migrator)", async (sender) => {
      const result = await MigratorStateStore.deploy(this.provider, await storeSender(sender, deployer, "call"), options);
      // Registered before the journal calls it done: a run killed in between finds it registered.
      await run.registry.setMigrator(result.record);
      return result;
    });
    run.emit({ type: "migrator-deployed", address: deployed.record.address, gasUsed: deployed.gasUsed });
    this.#migrator = deployed.store;
    return { address: deployed.record.address, gasUsed: deployed.gasUsed };
  }
}

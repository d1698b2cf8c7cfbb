import { decodeConstructorArgs } from "../eth/abi-constructor.js";
import { checksumAddress as getAddress } from "../eth/address.js";

import { fullyQualifiedName, type ContractArtifact } from "../artifacts.js";
import { MigrationsError } from "../errors.js";
import { toJsonValue } from "../json-value.js";
import { openJournal, openSession, withRunLock, type MigrationHost } from "../session.js";
import { NodeReadFailure } from "../node-read-failure.js";
import { migratorUnreachable } from "../stores/migrator-attach.js";
import { deployedMigratorDesign } from "../stores/migrator-deployment.js";
import { MigratorStateStore } from "../stores/migrator-state-store.js";
import { journalKnowledge, journalText, type JournaledCreation } from "./journal-deployments.js";
import type { JsonValue } from "./registry-document.js";

export interface RebuildReport {
  readonly network: { readonly name: string; readonly chainId: number };
  readonly registry: string;
  readonly journal: string;
  readonly migrator?: string;
  /** Completed migrations, as the store (the Migrator on chain) or the journal records them. */
  readonly completed: readonly number[];
  readonly recorded: ReadonlyArray<{ readonly name: string; readonly address: string; readonly artifact: string; readonly migration: number }>;
  /** Journaled creations left out, with why (no code, or no artifact builds their creation code). */
  readonly skipped: ReadonlyArray<{ readonly address: string; readonly migration: number; readonly reason: string }>;
}

/**
 * Rebuilds a lost registry from what the chain's journal and the chain itself agree on: the
 * Migrator (journaled deployment, code checked, completed set read from it) and every contract a
 * completed migration created (journaled receipt, code checked at the address; named after the
 * artifact whose creation code prefixes the transaction's input, constructor arguments decoded).
 * Refuses when a registry exists (it is never overwritten) or the journal knows nothing.
 * Names given with `{ as }` are not journaled: such entries get the contract's name.
 */
export async function rebuildRegistry<C>(host: MigrationHost<C>, artifacts: readonly ContractArtifact[]): Promise<RebuildReport> {
  const { chain } = host;
  return withRunLock(host, async () => {
    const session = await openSession(host, () => {});
    const registry = session.registry;
    const refuse = (reason: string) => new MigrationsError("REGISTRY_REBUILD_REFUSED", { file: registry.storage.location, network: host.networkName, reason });
    if (registry.migrator !== undefined || Object.keys(registry.all()).length > 0) {
      throw refuse("it exists and is not empty; the rebuild never overwrites a registry (move it away first if you mean to replace it)");
    }
    const journal = await openJournal(host, session, { readOnly: true });
    const text = journal === undefined ? undefined : await journalText(journal.storage);
    if (journal === undefined || text === undefined || text === "") {
      throw refuse(`there is no journal of chain ${chain.chainId}${journal !== undefined ? ` (${journal.location})` : ""} to rebuild it from`);
    }
    const known = journalKnowledge(text);
    const codeAt = async (address: string) => (await host.provider.request({ method: "eth_getCode", params: [address, "latest"] })) as string;

    let completed = known.completed;
    let migrator: JournaledCreation | undefined;
    let design: Awaited<ReturnType<typeof deployedMigratorDesign>> | undefined;
    if (host.store.kind === "chain") {
      migrator = known.migrator;
      if (migrator === undefined) {
        throw refuse(`the journal ${journal.location} has no completed deployment of a Migrator`);
      }
      if ((await codeAt(migrator.address)) === "0x") {
        throw refuse(`the journal's Migrator ${migrator.address} has no code on chain ${chain.chainId}`);
      }
      const input = await creationInput(host, migrator.transactionHash);
      try {
        design = await deployedMigratorDesign(host.provider, migrator.address, input);
      } catch (error) {
        const failure = NodeReadFailure.in(error);
        throw failure !== undefined ? migratorUnreachable(migrator.address, host.networkName, failure) : error;
      }
      const found = { address: migrator.address, blockNumber: migrator.blockNumber, deployer: migrator.from, design: design.design };
      const attached = await MigratorStateStore.attach(host.provider, undefined, found, { file: registry.storage.location, network: host.networkName });
      if (attached === undefined) {
        throw refuse(`the journal's Migrator ${migrator.address} does not answer as a Migrator`);
      }
      completed = attached.completed;
    }

    const recorded: Array<RebuildReport["recorded"][number]> = [];
    const skipped: Array<RebuildReport["skipped"][number]> = [];
    for (const creation of known.creations) {
      if (!completed.has(creation.migration)) {
        skipped.push({ address: creation.address, migration: creation.migration, reason: "its migration is not recorded as completed (undone since?)" });
        continue;
      }
      if ((await codeAt(creation.address)) === "0x") {
        skipped.push({ address: creation.address, migration: creation.migration, reason: "no code at the address" });
        continue;
      }
      const input = await creationInput(host, creation.transactionHash);
      const match = bestArtifact(artifacts, input);
      if (match === undefined) {
        skipped.push({ address: creation.address, migration: creation.migration, reason: "no artifact of this project builds its creation code (changed source, a library-linked contract, or a proxy)" });
        continue;
      }
      const artifact = fullyQualifiedName(match);
      await registry.recordDeployment(match.contractName, {
        address: getAddress(creation.address),
        artifact,
        transactionHash: creation.transactionHash,
        blockNumber: creation.blockNumber,
        deployer: getAddress(creation.from),
        args: constructorArgs(match, input),
        migration: creation.migration,
      });
      recorded.push({ name: match.contractName, address: getAddress(creation.address), artifact, migration: creation.migration });
    }
    if (migrator !== undefined) {
      await registry.setMigrator({
        address: getAddress(migrator.address),
        transactionHash: migrator.transactionHash,
        blockNumber: migrator.blockNumber,
        deployer: getAddress(migrator.from),
        ...(design?.design === 2 ? { design: 2 as const } : {}),
        ...(design?.admin !== undefined ? { admin: design.admin } : {}),
      });
    }
    return {
      network: session.network,
      registry: registry.storage.location,
      journal: journal.location,
      ...(migrator !== undefined ? { migrator: getAddress(migrator.address) } : {}),
      completed: [...completed].sort((a, b) => a - b),
      recorded,
      skipped,
    };
  });
}

/** The input (lowercase) of the transaction `hash`: a creation's code and constructor arguments. */
async function creationInput<C>(host: MigrationHost<C>, hash: string): Promise<string> {
  const tx = (await host.provider.request({ method: "eth_getTransactionByHash", params: [hash] })) as { input?: string; data?: string } | null;
  return (tx?.input ?? tx?.data ?? "0x").toLowerCase();
}

/** The artifact with the longest creation code that prefixes `input`. */
function bestArtifact(artifacts: readonly ContractArtifact[], input: string): ContractArtifact | undefined {
  let best: ContractArtifact | undefined;
  for (const artifact of artifacts) {
    const code = artifact.bytecode.toLowerCase();
    if (code.length > 2 && input.startsWith(code) && (best === undefined || code.length > best.bytecode.length)) {
      best = artifact;
    }
  }
  return best;
}

function constructorArgs(artifact: ContractArtifact, input: string): JsonValue[] {
  return toJsonValue(decodeConstructorArgs(artifact.abi, `0x${input.slice(artifact.bytecode.length)}`)) as JsonValue[];
}

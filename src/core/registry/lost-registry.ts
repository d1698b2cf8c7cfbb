import { MigrationsError } from "../errors.js";
import type { Journal } from "../journal/journal.js";
import type { Eip1193Provider } from "../provider.js";
import type { Session } from "../session.js";
import { journalKnowledge, journalText } from "./journal-deployments.js";

/**
 * On a live network, a registry without the Migrator (or without any deployment) while the
 * journal of the same chain knows a Migrator that still has code, or completed migrations that
 * deployed contracts, means the registry file was lost or moved: running would deploy a second
 * Migrator and run everything again (or run later migrations against an empty registry). Refuses with REGISTRY_LOST, which offers
 * `migrate registry rebuild`. Dev chains are left alone (a reset chain archives its journal).
 */
export async function refuseLostRegistry(
  provider: Eip1193Provider,
  session: Session,
  journal: Journal | undefined,
  run: { readonly store: { readonly kind: string }; readonly completed: ReadonlySet<number> },
): Promise<void> {
  if (journal === undefined || session.chain.isDevChain) {
    return;
  }
  const registry = session.registry;
  const registryEmpty = Object.keys(registry.all()).length === 0;
  const migratorMissing = run.store.kind === "chain" && registry.migrator === undefined;
  if (!migratorMissing && !registryEmpty) {
    return;
  }
  const text = await journalText(journal.storage);
  if (text === "") {
    return;
  }
  const known = journalKnowledge(text);
  const facts: string[] = [];
  if (migratorMissing && known.migrator !== undefined) {
    const code = (await provider.request({ method: "eth_getCode", params: [known.migrator.address, "latest"] })) as string;
    if (code !== "0x") {
      facts.push(`the Migrator at ${known.migrator.address} (it has code)`);
    }
  }
  // Deployments of migrations the store still records as completed (not undone since).
  const recorded = known.creations.filter((c) => run.completed.has(c.migration));
  if (registryEmpty && recorded.length > 0) {
    facts.push(`${recorded.length} contract(s) deployed by completed migration(s) ${[...new Set(recorded.map((c) => c.migration))].join(", ")}`);
  }
  if (facts.length === 0) {
    return;
  }
  throw new MigrationsError("REGISTRY_LOST", {
    file: registry.storage.location,
    missing: migratorMissing ? "Migrator" : "deployments",
    journal: journal.location,
    network: session.network.name,
    chainId: session.chain.chainId,
    known: facts.join("; "),
  });
}

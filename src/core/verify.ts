import { MigrationsError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import { openSession, withRunLock, type MigrationHost } from "./session.js";
import type { FileKeptBuilds } from "./verification/kept-builds.js";
import {
  migratorTargets,
  verificationTargets,
  verifyTargets,
  type VerificationExplorer,
  type VerificationOutcome,
  type VerifyDependencies,
} from "./verification/verify-deployments.js";

export interface VerifyOptions {
  /** Each explorer in turn; the registry records each one's verdicts separately. */
  readonly explorers: readonly VerificationExplorer[];
  readonly builds: FileKeptBuilds;
  readonly keepFromArtifacts?: (buildInfoId: string) => Promise<void>;
  readonly currentBuild?: VerifyDependencies["currentBuild"];
  readonly onOutcome?: (outcome: VerificationOutcome) => void;
  readonly onEvent?: MigrationEventListener;
}

export interface VerifyResult {
  readonly network: string;
  readonly chainId: number;
  readonly outcomes: readonly VerificationOutcome[];
}

/**
 * `migrate verify`: verifies the chain's Migrator and every deployment of the registry that the
 * explorer has not verified (failures recorded earlier are retried), holding the run lock since it writes the registry.
 * Throws VERIFY_FAILED, after recording every verdict, when one is still not verified.
 */
export async function verifyRegistry<ContextT>(host: MigrationHost<ContextT>, options: VerifyOptions): Promise<VerifyResult> {
  return withRunLock(host, async () => {
    const session = await openSession(host, options.onEvent ?? (() => {}));
    const outcomes: VerificationOutcome[] = [];
    for (const explorer of options.explorers) {
      outcomes.push(
        ...(await verifyTargets(
          {
            registry: session.registry,
            explorer,
            builds: options.builds,
            provider: host.provider,
            ...(options.keepFromArtifacts !== undefined ? { keepFromArtifacts: options.keepFromArtifacts } : {}),
            ...(options.currentBuild !== undefined ? { currentBuild: options.currentBuild } : {}),
            ...(options.onOutcome !== undefined ? { onOutcome: options.onOutcome } : {}),
          },
          [...migratorTargets(session.registry.migrator, explorer.name), ...verificationTargets(session.registry.all(), explorer.name)],
        )),
      );
    }
    const failed = outcomes.filter((o) => o.status === "failed");
    if (failed.length > 0) {
      throw new MigrationsError("VERIFY_FAILED", {
        failed: failed.length,
        total: outcomes.length,
        network: host.networkName,
        names: failed.map((o) => `${o.name}${o.role === "implementation" ? " (implementation)" : ""}${options.explorers.length > 1 ? ` on ${o.explorer}` : ""}: ${o.message}`).join("; "),
      });
    }
    return { network: host.networkName, chainId: session.chain.chainId, outcomes };
  });
}

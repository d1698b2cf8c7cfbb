import type { ExecuteMigrationOptions } from "./executor.js";
import type { MigrationHost, Session } from "./session.js";

/**
 * What every run of a migration script on `host` shares, whichever entry it runs (`migrate`'s up,
 * `down`'s down): the network, signers, artifacts, registry, module loading and events.
 */
export function hostExecution<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
): Pick<ExecuteMigrationOptions<ContextT>, "network" | "signerFor" | "artifacts" | "registry" | "importModule" | "extendContext" | "emit"> {
  return {
    network: session.network,
    signerFor: (address) => host.signers.signer(address),
    artifacts: host.artifacts,
    registry: session.registry,
    importModule: (url) => host.scripts.importModule(url),
    extendContext: (core) => host.scripts.extendContext(core),
    emit: session.emit,
  };
}

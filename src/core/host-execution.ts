import type { ExecuteMigrationOptions } from "./executor.js";
import { namedAndParameters, type MigrationHost, type Session } from "./session.js";

/**
 * What every run of a migration script on `host` shares, whichever entry it runs (`migrate`'s up,
 * `down`'s down): the network, signers, artifacts, registry, module loading and events, named accounts and parameters.
 */
export function hostExecution<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
): Pick<ExecuteMigrationOptions<ContextT>, "network" | "accountFor" | "artifacts" | "registry" | "importModule" | "extendContext" | "emit" | "named" | "parameters"> {
  return {
    ...namedAndParameters(host),
    network: session.network,
    accountFor: (address) => host.signers.signer(address),
    artifacts: host.artifacts,
    registry: session.registry,
    importModule: (url) => host.scripts.importModule(url),
    extendContext: (core) => host.scripts.extendContext(core),
    emit: session.emit,
  };
}

import { MigrationsError } from "../errors.js";
import type { Session } from "../session.js";

/**
 * A network whose registry says it was decommissioned by a cutover (`networkMigration.role`
 * "source", status "decommissioned") is not migrated any more: the run stops before sending,
 * naming where the system moved. `allow` (--allow-decommissioned) lets it proceed with a notice.
 */
export function refuseDecommissioned(session: Session, allow: boolean): void {
  const info = session.registry.networkMigration;
  if (info?.role !== "source" || info.status !== "decommissioned") {
    return;
  }
  const args = {
    network: session.network.name,
    chainId: session.chain.chainId,
    cutoverBlock: info.cutoverBlock ?? "?",
    peer: info.peer.network,
    peerChainId: info.peer.chainId,
    file: session.registry.storage.location,
  };
  if (!allow) {
    throw new MigrationsError("NETWORK_DECOMMISSIONED", args);
  }
  session.emit({
    type: "notice",
    message: `${args.network} was decommissioned at block ${args.cutoverBlock} (the system moved to ${args.peer}); running on it anyway (--allow-decommissioned).`,
  });
}

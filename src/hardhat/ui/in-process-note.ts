import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

/**
 * The note for a command on Hardhat's in-process network whose registry lives in memory: the
 * chain, its record and registry end with the command, so the next command starts from nothing.
 */
export function inProcessNote(hre: HardhatRuntimeEnvironment, connection: NetworkConnection): string | undefined {
  if (connection.networkConfig.type !== "edr-simulated" || hre.config.migrations.inProcessRegistry !== "memory") {
    return undefined;
  }
  return (
    `Note: ${connection.networkName} is Hardhat's in-process network: its chain, record and registry exist only while this command runs, ` +
    "so the next command starts from an empty chain. To keep them between commands, run `npx hardhat node` and pass `--network localhost`."
  );
}

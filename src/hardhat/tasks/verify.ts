import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { VerifyResult } from "../../core/verify.js";
import { formatVerificationOutcome, formatVerifyResult } from "../ui/format-verification.js";

export default async function verifyTask(_args: object, hre: HardhatRuntimeEnvironment): Promise<VerifyResult> {
  const connection = await hre.network.getOrCreate();
  console.log(`Verifying the deployments of ${connection.networkName}:`);
  const result = await connection.migrations.verify({ onOutcome: (outcome) => console.log(formatVerificationOutcome(outcome)) });
  for (const line of formatVerifyResult(result)) {
    console.log(line);
  }
  return result;
}

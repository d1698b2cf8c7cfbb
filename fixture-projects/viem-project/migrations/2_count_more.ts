import type { ViemMigrationContext } from "../../../src/types.js";

export default async function ({ registry, viem, log }: ViemMigrationContext) {
  const counter = await registry.contract<"Counter">("Counter");
  const hash = await counter.write.incBy([2n]);
  const receipt = await viem.publicClient.waitForTransactionReceipt({ hash });
  log(`x = ${await counter.read.x()} after block ${receipt.blockNumber}`);
}

import type { ViemMigrationContext } from "../../../src/types.js";

export default async function ({ deploy, log }: ViemMigrationContext) {
  const counter = await deploy("Counter", [5n]);
  await counter.write.incBy([3n]);
  log(`counter at ${counter.address}: x = ${await counter.read.x()}`);
}

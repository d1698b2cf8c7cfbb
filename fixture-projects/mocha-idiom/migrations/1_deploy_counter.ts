import type { MigrationContext } from "../../../src/types.js";

export default async function ({ deploy }: MigrationContext) {
  await deploy("Counter", [10n]);
}

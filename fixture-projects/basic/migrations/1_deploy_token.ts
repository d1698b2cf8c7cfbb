import type { MigrationContext } from "../../../src/types.js";

export default async function ({ deploy, log }: MigrationContext) {
  const token = await deploy("Token", ["Migrated Token", 1_000_000n]);
  log(`supply: ${await token.getFunction("totalSupply")()}`);
}

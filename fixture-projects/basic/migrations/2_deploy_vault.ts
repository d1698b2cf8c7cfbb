import type { MigrationContext } from "../../../src/types.js";

export default async function ({ deploy, registry }: MigrationContext) {
  const lib = await deploy("ConvertLib");
  await deploy("Vault", [registry.get("Token").address, 3], {
    libraries: { ConvertLib: await lib.getAddress() },
    value: 1000n,
  });
}

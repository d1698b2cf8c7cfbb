import type { MigrationContext } from "../../../src/types.js";

export default async function ({ registry, ethers, log }: MigrationContext) {
  const vault = await registry.contract("Vault");
  await vault.getFunction("setRate")(5);
  const [, treasury] = await ethers.getSigners();
  const token = await registry.contract("Token");
  await token.getFunction("transfer")(treasury!.address, 250_000n);
  log(`treasury: ${treasury!.address}`);
}

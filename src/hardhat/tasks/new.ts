import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

export default async function newTask(args: { purpose: string; next: boolean }, hre: HardhatRuntimeEnvironment): Promise<string> {
  const file = await hre.migrations.newMigration(args.purpose, { next: args.next });
  console.log(`Created ${path.relative(process.cwd(), file) || file}`);
  return file;
}

import type { MigrationContext } from "../../../src/types.js";

export default async function ({ registry }: MigrationContext) {
  const counter = await registry.contract("Counter");
  await (await counter.getFunction("increment")()).wait();
  await (await counter.getFunction("increment")()).wait();
}

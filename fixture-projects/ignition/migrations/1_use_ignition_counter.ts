import type { MigrationContext } from "../../../src/types.js";

// The first migration after switching from Ignition: it finds the contracts Ignition deployed in
// the registry (imported with `migrate import ignition`) and builds on them.
export default async function ({ registry, deploy, log }: MigrationContext) {
  const counter = await registry.contract("Counter");
  await (await counter.getFunction("incBy")(7n)).wait();
  const second = await deploy("Counter", [registry.get("SecondCounter").args[0] as string], { as: "ThirdCounter" });
  log(`counter at ${await counter.getFunction("x")()}, third at ${await second.getFunction("x")()}`);
}

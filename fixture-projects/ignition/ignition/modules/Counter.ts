import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

export default buildModule("CounterModule", (m) => {
  const counter = m.contract("Counter", [5n]);
  m.call(counter, "incBy", [5n]);
  const lib = m.library("MathLib");
  const doubler = m.contract("Doubler", [], { libraries: { MathLib: lib } });
  const second = m.contract("Counter", [100n], { id: "SecondCounter" });
  return { counter, doubler, second };
});

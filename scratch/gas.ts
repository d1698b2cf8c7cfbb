import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { ContractFactory, JsonRpcProvider, id as keccakText, AbiCoder } from "ethers";
import { startHardhatNode } from "../test/helpers/hardhat-node.js";
import { TRUFFLE_MIGRATIONS_SOL } from "../bench/generators/truffle.js";
const require = createRequire(import.meta.url);
const solc = require("solc");
function compile(name: string, src: string, settings: object) {
  const out = JSON.parse(solc.compile(JSON.stringify({ language: "Solidity", sources: { "a.sol": { content: src } }, settings: { ...settings, metadata: { appendCBOR: false }, outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } } } })));
  for (const e of out.errors ?? []) if (e.severity === "error") throw new Error(e.formattedMessage);
  const c = out.contracts["a.sol"][name];
  const abi = name === "Migrator" ? [...out.contracts["a.sol"].IMigrator.abi, ...c.abi.filter((x: any) => x.type !== "fallback")] : c.abi;
  return { abi, bytecode: "0x" + c.evm.bytecode.object, size: c.evm.deployedBytecode.object.length / 2 };
}
const node = await startHardhatNode("/work/wt/gas/fixture-projects/basic");
try {
  const provider = new JsonRpcProvider(node.url, undefined, { staticNetwork: true });
  const signer = await provider.getSigner(0);
  const me = await signer.getAddress();
  const hash = keccakText("x");
  const gas = async (p: Promise<any>) => (await (await p).wait()).gasUsed;
  const src = readFileSync(process.argv[2] ?? "contracts/Migrator.sol", "utf8");
  for (const settings of [
    { viaIR: true, optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun" },
    { viaIR: true, optimizer: { enabled: true, runs: 1 }, evmVersion: "cancun" },
    { viaIR: false, optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun" },
    { viaIR: false, optimizer: { enabled: true, runs: 1 }, evmVersion: "cancun" },
  ]) {
    const b = compile("Migrator", src, settings);
    const a = compile("MigratorAdmin", src, settings);
    const ac: any = await new ContractFactory(a.abi, a.bytecode, signer).deploy();
    const f = new ContractFactory(b.abi, b.bytecode, signer);
    const c: any = await f.deploy(me, await ac.getAddress());
    const dep = (await c.deploymentTransaction().wait()).gasUsed;
    const ts = 1_790_000_000_000n;
    const r = [];
    let v = 0n;
    for (const id of [1n, 2n, 200n, 201n, ts, ts + 1000n, 20261201031500n]) { r.push(await gas(c.record((v << 64n) | id, hash))); v++; }
    const u = await gas(c.unrecord((v << 64n) | 1n)); const d = await (await c.getFunction("supportsInterface")("0x21baff38"));
    console.log("unrecord", u, d, await c.version(), await c.owner(), await c.pendingOwner(), "admin size", a.size);
    console.log(JSON.stringify(settings), "size", b.size, "deploy", dep, "records", r.join(" "));
  }
  const t = compile("Migrations", TRUFFLE_MIGRATIONS_SOL, { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun" });
  const tc: any = await new ContractFactory(t.abi, t.bytecode, signer).deploy();
  const tdep = (await tc.deploymentTransaction().wait()).gasUsed;
  const tr = [];
  for (const id of [1n, 2n, 200n, 201n, 1_790_000_000_000n, 1_790_000_001_000n, 20261201031500n]) tr.push(await gas(tc.setCompleted(id)));
  console.log("truffle size", t.size, "deploy", tdep, "records", tr.join(" "));
  provider.destroy();
} finally { await node.stop(); }

import { BOX_SOL, writeTree } from "./common.js";

/** Truffle's own bookkeeping contract, as `truffle init` writes it (Truffle v5). */
export const TRUFFLE_MIGRATIONS_SOL = `// SPDX-License-Identifier: MIT
pragma solidity >=0.4.22 <0.9.0;

contract Migrations {
  address public owner = msg.sender;
  uint public last_completed_migration;

  modifier restricted() {
    require(
      msg.sender == owner,
      "This function is restricted to the contract's owner"
    );
    _;
  }

  function setCompleted(uint completed) public restricted {
    last_completed_migration = completed;
  }
}
`;

/**
 * A Truffle project doing the same work: Migrations.sol (1_initial_migration.js, as
 * `truffle init` makes it) then `n` migrations, each deploying one Box and making one call.
 * solc is the local soljson of the \`solc\` package (no download).
 */
export async function generateTruffleProject(root: string, n: number, soljson: string): Promise<void> {
  const files: Record<string, string> = {
    "package.json": `${JSON.stringify({ name: "bench-truffle-project", private: true }, null, 2)}\n`,
    "truffle-config.js": `module.exports = {
  networks: {
    bench: { host: "127.0.0.1", port: Number(process.env.BENCH_RPC_PORT ?? 8545), network_id: "*" },
  },
  compilers: {
    solc: { version: ${JSON.stringify(soljson)}, settings: { optimizer: { enabled: true, runs: 200 } } },
  },
};
`,
    "contracts/Box.sol": BOX_SOL,
    "contracts/Migrations.sol": TRUFFLE_MIGRATIONS_SOL,
    "migrations/1_initial_migration.js": `const Migrations = artifacts.require("Migrations");

module.exports = function (deployer) {
  deployer.deploy(Migrations);
};
`,
    "scripts/empty.js": "// `truffle exec` of this file measures Truffle's start-up.\nmodule.exports = function (done) {\n  done();\n};\n",
  };
  for (let i = 1; i <= n; i++) {
    files[`migrations/${i + 1}_box_${i}.js`] = `const Box = artifacts.require("Box");

module.exports = async function (deployer) {
  await deployer.deploy(Box, ${i});
  const box = await Box.deployed();
  await box.set(${i + 1});
};
`;
  }
  await writeTree(root, files);
}

import { createRequire } from "node:module";

import hardhatToolboxViemPlugin from "@nomicfoundation/hardhat-toolbox-viem";
import { defineConfig } from "hardhat/config";

import migrations from "../../src/index.js";

const require = createRequire(import.meta.url);

// As `npx hardhat --init` makes a viem project (hardhat-toolbox-viem, node:test), plus migrations.
export default defineConfig({
  plugins: [hardhatToolboxViemPlugin, migrations],
  solidity: { version: "0.8.37", path: require.resolve("solc/soljson.js") },
  networks: {
    // The HTTP node the integration tests start on a free port.
    testnode: { type: "http", url: process.env.MIGRATIONS_TEST_RPC_URL ?? "http://127.0.0.1:8545" },
  },
  migrations: {
    ...(process.env.MIGRATIONS_TEST_DIR !== undefined ? { dir: process.env.MIGRATIONS_TEST_DIR } : {}),
    ...(process.env.MIGRATIONS_TEST_REGISTRY_DIR !== undefined ? { registryDir: process.env.MIGRATIONS_TEST_REGISTRY_DIR } : {}),
  },
});

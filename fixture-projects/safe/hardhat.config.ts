import { createRequire } from "node:module";

import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import { defineConfig } from "hardhat/config";

import migrations from "../../src/index.js";

const require = createRequire(import.meta.url);

// A project whose contract ends up owned by a Safe (docs/safe.md): the tests start the node.
export default defineConfig({
  plugins: [hardhatEthers, migrations],
  solidity: { version: "0.8.37", path: require.resolve("solc/soljson.js") },
  networks: {
    testnode: { type: "http", url: process.env.MIGRATIONS_TEST_RPC_URL ?? "http://127.0.0.1:8545" },
  },
  migrations: {
    ...(process.env.MIGRATIONS_TEST_DIR !== undefined ? { dir: process.env.MIGRATIONS_TEST_DIR } : {}),
    ...(process.env.MIGRATIONS_TEST_REGISTRY_DIR !== undefined ? { registryDir: process.env.MIGRATIONS_TEST_REGISTRY_DIR } : {}),
    // Treat the node as a live network (journal flushed, no snapshots, confirmation asked).
    ...(process.env.MIGRATIONS_TEST_LIVE === "1" ? { networks: { testnode: { live: true, pollInterval: 20 } } } : {}),
  },
});

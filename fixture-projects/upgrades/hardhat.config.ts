import { createRequire } from "node:module";

import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import { defineConfig } from "hardhat/config";

import migrations from "../../src/index.js";

const require = createRequire(import.meta.url);
// A test builds an edited copy of the sources (contracts-edited/) into its own directory.
const editedSources = process.env.MIGRATIONS_TEST_SOURCES;
const buildDir = process.env.MIGRATIONS_TEST_BUILD_DIR;

export default defineConfig({
  plugins: [hardhatEthers, migrations],
  solidity: { version: "0.8.37", path: require.resolve("solc/soljson.js") },
  ...(editedSources !== undefined && buildDir !== undefined
    ? { paths: { sources: { solidity: editedSources }, artifacts: `${buildDir}/artifacts`, cache: `${buildDir}/cache` } }
    : {}),
  networks: {
    // The HTTP node the integration tests start on a free port.
    testnode: { type: "http", url: process.env.MIGRATIONS_TEST_RPC_URL ?? "http://127.0.0.1:8545" },
  },
  migrations: {
    ...(process.env.MIGRATIONS_TEST_DIR !== undefined ? { dir: process.env.MIGRATIONS_TEST_DIR } : {}),
    ...(process.env.MIGRATIONS_TEST_REGISTRY_DIR !== undefined ? { registryDir: process.env.MIGRATIONS_TEST_REGISTRY_DIR } : {}),
  },
});

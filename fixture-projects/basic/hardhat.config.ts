import { createRequire } from "node:module";

import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import { configVariable, defineConfig } from "hardhat/config";

import migrations from "../../src/index.js";

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [hardhatEthers, migrations],
  solidity: { version: "0.8.37", path: require.resolve("solc/soljson.js") },
  networks: {
    // The HTTP node the integration tests start on a free port.
    testnode: {
      type: "http",
      url: process.env.MIGRATIONS_TEST_RPC_URL ?? "http://127.0.0.1:8545",
      ...(process.env.MIGRATIONS_TEST_ACCOUNT_KEY !== undefined ? { accounts: [process.env.MIGRATIONS_TEST_ACCOUNT_KEY] } : {}),
      ...(process.env.MIGRATIONS_TEST_RPC_TIMEOUT_MS !== undefined ? { timeout: Number(process.env.MIGRATIONS_TEST_RPC_TIMEOUT_MS) } : {}),
    },
    // A second node, for network migrations (started with another --chain-id).
    testnode2: { type: "http", url: process.env.MIGRATIONS_TEST_RPC_URL_2 ?? "http://127.0.0.1:8546" },
    // The same node, signing with a key held in a configVariable (a keystore or an env var).
    testsecret: { type: "http", url: process.env.MIGRATIONS_TEST_RPC_URL ?? "http://127.0.0.1:8545", accounts: [configVariable("HHM_TEST_SECRET_KEY")] },
  },
  migrations: {
    ...(process.env.MIGRATIONS_TEST_DIR !== undefined ? { dir: process.env.MIGRATIONS_TEST_DIR } : {}),
    ...(process.env.MIGRATIONS_TEST_REGISTRY_DIR !== undefined ? { registryDir: process.env.MIGRATIONS_TEST_REGISTRY_DIR } : {}),
    // Named accounts and parameters (docs/configuration.md), for the tests that use them.
    ...(process.env.MIGRATIONS_TEST_NAMED === "1"
      ? {
          accounts: { treasury: "0x000000000000000000000000000000000000dEaD", oracle: configVariable("HHM_TEST_ORACLE") },
          parameters: { name: "Config Token", supply: 1000n },
        }
      : {}),
    ...(process.env.MIGRATIONS_TEST_MIGRATOR_SALT !== undefined ? { migratorSalt: process.env.MIGRATIONS_TEST_MIGRATOR_SALT } : {}),
    ...(process.env.MIGRATIONS_TEST_NETWORKS !== undefined ? { networks: JSON.parse(process.env.MIGRATIONS_TEST_NETWORKS) as Record<string, object> } : {}),
  },
});

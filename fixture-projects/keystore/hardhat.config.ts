import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import hardhatKeystore from "@nomicfoundation/hardhat-keystore";
import { configVariable, defineConfig } from "hardhat/config";

import migrations from "../../src/index.js";

const url = process.env.MIGRATIONS_TEST_RPC_URL ?? "http://127.0.0.1:8545";

// A project whose deployer key lives in Hardhat's encrypted keystore (`npx hardhat keystore set DEPLOYER_KEY`).
// `testlive` and `testliveaddress` are the same node declared live (as a real network would be);
// on `testliveaddress` the deployer is also named by its address (MIGRATIONS_TEST_DEPLOYER_ADDRESS).
export default defineConfig({
  plugins: [hardhatEthers, hardhatKeystore, migrations],
  networks: {
    testnode: { type: "http", url, accounts: [configVariable("DEPLOYER_KEY")] },
    testlive: { type: "http", url, accounts: [configVariable("DEPLOYER_KEY")] },
    testliveaddress: { type: "http", url, accounts: [configVariable("DEPLOYER_KEY")] },
  },
  migrations: {
    ...(process.env.MIGRATIONS_TEST_DIR !== undefined ? { dir: process.env.MIGRATIONS_TEST_DIR } : {}),
    ...(process.env.MIGRATIONS_TEST_REGISTRY_DIR !== undefined ? { registryDir: process.env.MIGRATIONS_TEST_REGISTRY_DIR } : {}),
    networks: {
      testlive: { live: true },
      testliveaddress: {
        live: true,
        ...(process.env.MIGRATIONS_TEST_DEPLOYER_ADDRESS !== undefined ? { accounts: { deployer: process.env.MIGRATIONS_TEST_DEPLOYER_ADDRESS } } : {}),
      },
    },
  },
});

import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import hardhatKeystore from "@nomicfoundation/hardhat-keystore";
import { configVariable, defineConfig } from "hardhat/config";

import migrations from "../../src/index.js";

// A project whose deployer key lives in Hardhat's encrypted keystore (`npx hardhat keystore set DEPLOYER_KEY`).
export default defineConfig({
  plugins: [hardhatEthers, hardhatKeystore, migrations],
  networks: {
    testnode: { type: "http", url: process.env.MIGRATIONS_TEST_RPC_URL ?? "http://127.0.0.1:8545", accounts: [configVariable("DEPLOYER_KEY")] },
  },
  migrations: {
    ...(process.env.MIGRATIONS_TEST_DIR !== undefined ? { dir: process.env.MIGRATIONS_TEST_DIR } : {}),
    ...(process.env.MIGRATIONS_TEST_REGISTRY_DIR !== undefined ? { registryDir: process.env.MIGRATIONS_TEST_REGISTRY_DIR } : {}),
  },
});

// The project's Truffle configuration, kept so `truffle migrate` can be compared with
// `npx hardhat migrate` (test/truffle/projects-match-truffle-migrate.test.ts).
// Loaded by Truffle as CommonJS (the test copies the project without "type": "module").
module.exports = {
  networks: {
    development: {
      host: "127.0.0.1",
      port: Number(process.env.TRUFFLE_TEST_PORT ?? 8545),
      network_id: "*",
    },
  },
  compilers: {
    solc: {
      version: process.env.TRUFFLE_TEST_SOLC ?? "0.8.37",
      settings: { evmVersion: "cancun", optimizer: { enabled: false, runs: 200 } },
    },
  },
};

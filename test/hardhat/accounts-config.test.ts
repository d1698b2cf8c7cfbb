import { expect } from "chai";
import { configVariable } from "hardhat/config";

import { validateMigrationsUserConfig } from "../../src/hardhat/config.js";

describe("migrations.accounts and parameters in hardhat.config.ts", () => {
  it("accepts indexes, addresses and configVariables, globally and per network", () => {
    expect(
      validateMigrationsUserConfig({
        accounts: { deployer: 0, treasury: "0x000000000000000000000000000000000000dEaD", oracle: configVariable("ORACLE") },
        parameters: { supply: 10n, name: "T" },
        parametersDir: "deploy-params",
        networks: { sepolia: { accounts: { deployer: 2 }, parameters: { name: "S" } } },
      }),
    ).to.deep.equal([]);
  });

  it("reports a bad account or parameters section with its path", () => {
    const errors = validateMigrationsUserConfig({
      accounts: { deployer: -1, treasury: "0x12", oracle: { name: "ORACLE" } },
      parameters: [1],
      networks: { sepolia: { accounts: "0", parameters: 3 } },
    });
    expect(errors.map((e) => e.path.join("."))).to.have.members([
      "migrations.accounts.deployer",
      "migrations.accounts.treasury",
      "migrations.accounts.oracle",
      "migrations.parameters",
      "migrations.networks.sepolia.accounts",
      "migrations.networks.sepolia.parameters",
    ]);
  });
});

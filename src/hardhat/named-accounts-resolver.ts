import path from "node:path";

import { checksumAddress as getAddress, isAddress } from "../core/eth/index.js";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { MigrationsError, describeError } from "../core/errors.js";
import { readParametersFile, type ParameterSet } from "../core/parameters.js";
import { networkNamedAccounts, type NamedAccountConfig } from "./accounts-config.js";
import { connectionAccounts } from "./front-end/connection-signers.js";

/** How a named account is configured, for messages: "account #1", "0xabc…", "configVariable ORACLE". */
export function describeNamedAccount(account: NamedAccountConfig): string {
  if (typeof account === "number") {
    return `account #${account}`;
  }
  return typeof account === "string" ? account : `configVariable ${account.configVariable}`;
}

/**
 * The address of one named account on `connection`. An index reads the network's accounts (its
 * configured keys or the node's); a configVariable is read now (keystore prompts happen here).
 */
export async function namedAccountAddress(
  name: string,
  account: NamedAccountConfig,
  connection: NetworkConnection,
  accounts: () => Promise<string[]>,
): Promise<string> {
  const fail = (reason: string, cause?: unknown) =>
    new MigrationsError(
      "NAMED_ACCOUNT_UNRESOLVED",
      { name, source: describeNamedAccount(account), network: connection.networkName, reason },
      cause === undefined ? undefined : { cause },
    );
  if (typeof account === "string") {
    return getAddress(account);
  }
  if (typeof account === "number") {
    let list: string[];
    try {
      list = await accounts();
    } catch (error) {
      throw fail(describeError(error), error);
    }
    const address = list[account];
    if (address === undefined) {
      throw fail(`the network has ${list.length} account(s), so there is no account #${account}`);
    }
    return getAddress(address);
  }
  let value: string;
  try {
    value = await account.value.get();
  } catch (error) {
    throw fail(describeError(error), error);
  }
  if (!isAddress(value)) {
    throw fail("its value is not an address");
  }
  return getAddress(value);
}

/** Every named account of the connection's network: name → address, or the error that says why not. */
export async function resolveNamedAccounts(hre: HardhatRuntimeEnvironment, connection: NetworkConnection): Promise<Record<string, string | Error>> {
  const configured = networkNamedAccounts(hre.config.migrations.named, connection.networkName);
  let list: Promise<string[]> | undefined;
  const accounts = () => (list ??= connectionAccounts(connection).then((addresses) => addresses.map((a) => getAddress(a))));
  const resolved: Record<string, string | Error> = {};
  for (const [name, account] of Object.entries(configured)) {
    try {
      resolved[name] = await namedAccountAddress(name, account, connection, accounts);
    } catch (error) {
      resolved[name] = error instanceof Error ? error : new Error(String(error));
    }
  }
  return resolved;
}

/**
 * The network's parameters, later sources winning: `migrations.parameters`, then
 * `migrations.networks.<name>.parameters`, then `<parametersDir>/<network>.json` (when it exists),
 * then the `--parameters` file.
 */
export async function resolveParameters(hre: HardhatRuntimeEnvironment, network: string, override: string | undefined): Promise<ParameterSet> {
  const { migrations } = hre.config;
  const dir = migrations.named.parametersDir === undefined
    ? path.join(migrations.dir, "parameters")
    : path.resolve(hre.config.paths.root, migrations.named.parametersDir);
  const networkFile = path.join(dir, `${network}.json`);
  const overrideFile = override === undefined ? undefined : path.resolve(process.cwd(), override);
  const relative = (file: string) => path.relative(hre.config.paths.root, file) || file;
  return {
    values: {
      ...migrations.named.parameters,
      ...migrations.named.networkParameters[network],
      ...(await readParametersFile(networkFile, false)),
      ...(overrideFile === undefined ? {} : await readParametersFile(overrideFile, true)),
    },
    sources: [
      `migrations.networks.${network}.parameters in hardhat.config.ts`,
      relative(networkFile),
      ...(overrideFile === undefined ? [] : [relative(overrideFile)]),
    ],
  };
}

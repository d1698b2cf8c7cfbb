import type { ConfigurationVariable, ConfigurationVariableResolver, ResolvedConfigurationVariable } from "hardhat/types/config";

/**
 * A named account in `migrations.accounts`: an index into the network's accounts (`0`), an
 * address (`"0x…"`), or a `configVariable("NAME")` holding an address (resolved only when a
 * migration runs: read-only commands never ask for it).
 */
export type NamedAccountUserConfig = number | string | ConfigurationVariable;
export type NamedAccountConfig = number | string | { readonly configVariable: string; readonly value: ResolvedConfigurationVariable };

/** Parameter values: JSON values, and bigints (in JSON files, strings ending in n: "10n"). */
export type ParameterValues = Record<string, unknown>;

/** `migrations.accounts` / `parameters`, and the same per network, resolved. */
export interface NamedAccountsAndParametersConfig {
  /** name → account, for each network: the global names overridden by the network's. */
  readonly accounts: Readonly<Record<string, NamedAccountConfig>>;
  readonly networkAccounts: Readonly<Record<string, Readonly<Record<string, NamedAccountConfig>>>>;
  readonly parameters: ParameterValues;
  readonly networkParameters: Readonly<Record<string, ParameterValues>>;
  /** Where `<network>.json` parameters files are read from (default `<migrations dir>/parameters`). */
  readonly parametersDir: string | undefined;
}

interface ConfigValidationError {
  path: Array<string | number>;
  message: string;
}

const isConfigVariable = (value: unknown): value is ConfigurationVariable =>
  typeof value === "object" && value !== null && (value as { _type?: unknown })._type === "ConfigurationVariable";

const ACCOUNT_MESSAGE = 'Expected an account index (0, 1, …), a 0x-prefixed address, or configVariable("NAME").';

function validateAccounts(value: unknown, at: Array<string | number>): ConfigValidationError[] {
  if (value === undefined) {
    return [];
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [{ path: at, message: "Expected an object of names to accounts, e.g. { deployer: 0, treasury: \"0x…\" }." }];
  }
  const errors: ConfigValidationError[] = [];
  for (const [name, account] of Object.entries(value as Record<string, unknown>)) {
    const valid =
      (typeof account === "number" && Number.isInteger(account) && account >= 0) ||
      (typeof account === "string" && /^0x[0-9a-fA-F]{40}$/.test(account)) ||
      isConfigVariable(account);
    if (!valid) {
      errors.push({ path: [...at, name], message: ACCOUNT_MESSAGE });
    }
  }
  return errors;
}

function validateParameters(value: unknown, at: Array<string | number>): ConfigValidationError[] {
  if (value === undefined || (value !== null && typeof value === "object" && !Array.isArray(value))) {
    return [];
  }
  return [{ path: at, message: "Expected an object of parameter names to values." }];
}

/** Validates `accounts`, `parameters` and `parametersDir` of `migrations` and of each `migrations.networks` entry. */
export function validateNamedAccountsAndParameters(migrations: Record<string, unknown>): ConfigValidationError[] {
  const errors = [
    ...validateAccounts(migrations.accounts, ["migrations", "accounts"]),
    ...validateParameters(migrations.parameters, ["migrations", "parameters"]),
  ];
  if (migrations.parametersDir !== undefined && (typeof migrations.parametersDir !== "string" || migrations.parametersDir === "")) {
    errors.push({ path: ["migrations", "parametersDir"], message: "Expected a non-empty path string." });
  }
  const networks = migrations.networks;
  if (networks !== null && typeof networks === "object" && !Array.isArray(networks)) {
    for (const [name, entry] of Object.entries(networks as Record<string, unknown>)) {
      if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
        const e = entry as Record<string, unknown>;
        errors.push(
          ...validateAccounts(e.accounts, ["migrations", "networks", name, "accounts"]),
          ...validateParameters(e.parameters, ["migrations", "networks", name, "parameters"]),
        );
      }
    }
  }
  return errors;
}

function resolveAccounts(
  accounts: Record<string, NamedAccountUserConfig> | undefined,
  resolve: ConfigurationVariableResolver,
): Record<string, NamedAccountConfig> {
  return Object.fromEntries(
    Object.entries(accounts ?? {}).map(([name, account]) => [name, isConfigVariable(account) ? { configVariable: account.name, value: resolve(account) } : account]),
  );
}

/**
 * Resolves the config's named accounts (configVariables become resolvable handles: nothing is
 * read yet) and parameters. `deployer` (the legacy option) is the `deployer` named account unless
 * `accounts.deployer` is set.
 */
export function resolveNamedAccountsAndParameters(
  migrations:
    | {
        deployer?: number | string;
        accounts?: Record<string, NamedAccountUserConfig>;
        parameters?: ParameterValues;
        parametersDir?: string;
        networks?: Record<string, { accounts?: Record<string, NamedAccountUserConfig>; parameters?: ParameterValues }>;
      }
    | undefined,
  resolve: ConfigurationVariableResolver,
): NamedAccountsAndParametersConfig {
  const networks = migrations?.networks ?? {};
  return {
    accounts: { deployer: migrations?.deployer ?? 0, ...resolveAccounts(migrations?.accounts, resolve) },
    networkAccounts: Object.fromEntries(Object.entries(networks).map(([name, n]) => [name, resolveAccounts(n.accounts, resolve)])),
    parameters: migrations?.parameters ?? {},
    networkParameters: Object.fromEntries(Object.entries(networks).map(([name, n]) => [name, n.parameters ?? {}])),
    parametersDir: migrations?.parametersDir,
  };
}

/** The named accounts of `network`: the global ones, overridden by the network's. */
export function networkNamedAccounts(config: NamedAccountsAndParametersConfig, network: string): Record<string, NamedAccountConfig> {
  return { ...config.accounts, ...config.networkAccounts[network] };
}

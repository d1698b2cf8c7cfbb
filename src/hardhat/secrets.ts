import type { NetworkConfig } from "hardhat/types/config";
import type { NetworkConnection } from "hardhat/types/network";

/**
 * The secrets in a network's config that must never be printed or written: its URL (API keys
 * live in paths and query strings), HTTP header values, private keys and mnemonic.
 */
export async function networkSecrets(connection: NetworkConnection, options: { accounts?: boolean } = {}): Promise<string[]> {
  return configSecrets(connection.networkConfig, options);
}

/** The secrets of every configured network (commands that talk to several, e.g. sync and cutover). */
export async function allNetworkSecrets(networks: Readonly<Record<string, NetworkConfig>>): Promise<string[]> {
  return (await Promise.all(Object.values(networks).map((config) => configSecrets(config)))).flat();
}

async function configSecrets(config: NetworkConfig, options: { accounts?: boolean } = {}): Promise<string[]> {
  const secrets: string[] = [];
  const add = async (variable: { get(): Promise<string> } | undefined) => {
    try {
      const value = variable === undefined ? undefined : await variable.get();
      if (value !== undefined && value !== "") {
        secrets.push(value);
      }
    } catch {
      // unresolvable here: it was not used to connect either
    }
  };
  if (config.type === "http") {
    // The URL is a secret only for what it adds to its origin (a path key, credentials, a query).
    try {
      const url = new URL(await config.url.get());
      if (url.username !== "" || url.password !== "" || url.search !== "" || (url.pathname !== "/" && url.pathname !== "")) {
        secrets.push(url.href, url.href.replace(/\/$/, ""));
        for (const part of [url.password, ...url.pathname.split("/"), url.search.slice(1)]) {
          if (part.length >= 16) {
            secrets.push(part);
          }
        }
      }
    } catch {
      // not a URL: nothing to add
    }
    secrets.push(...Object.values(config.httpHeaders).filter((v) => v.length >= 8));
  }
  // Operations that may sign read every key. Read-only ones read only what never prompts (a
  // keystore asks for its password): keys written in the config, or configVariables whose
  // environment variable is set.
  const readable = (variable: unknown): variable is { get(): Promise<string> } =>
    options.accounts !== false || !isNamedVariable(variable) || process.env[variable.name] !== undefined;
  const accounts = config.accounts;
  if (Array.isArray(accounts)) {
    for (const account of accounts) {
      if (readable(account)) {
        await add(account);
      }
    }
  } else if (typeof accounts === "object" && accounts !== null && "mnemonic" in accounts && readable(accounts.mnemonic)) {
    await add(accounts.mnemonic);
  }
  return secrets;
}

/** A configVariable (resolved from the environment or a plugin such as the keystore); inline values have no name. */
function isNamedVariable(variable: unknown): variable is { readonly name: string } {
  return typeof variable === "object" && variable !== null && typeof (variable as { name?: unknown }).name === "string";
}

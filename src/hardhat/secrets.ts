import type { NetworkConfig } from "hardhat/types/config";
import type { NetworkConnection } from "hardhat/types/network";

/**
 * The secrets in a network's config that must never be printed or written: its URL (API keys
 * live in paths and query strings), HTTP header values, private keys and mnemonic.
 */
export async function networkSecrets(connection: NetworkConnection): Promise<string[]> {
  return configSecrets(connection.networkConfig);
}

/** The secrets of every configured network (commands that talk to several, e.g. sync and cutover). */
export async function allNetworkSecrets(networks: Readonly<Record<string, NetworkConfig>>): Promise<string[]> {
  return (await Promise.all(Object.values(networks).map(configSecrets))).flat();
}

async function configSecrets(config: NetworkConfig): Promise<string[]> {
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
  const accounts = config.accounts;
  if (Array.isArray(accounts)) {
    for (const account of accounts) {
      await add(account as { get(): Promise<string> });
    }
  } else if (typeof accounts === "object" && accounts !== null && "mnemonic" in accounts) {
    await add(accounts.mnemonic);
  }
  return secrets;
}

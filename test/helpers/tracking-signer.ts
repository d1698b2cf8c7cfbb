import type { Signer } from "ethers";

import type { MigrationTransactions } from "../../src/core/deployed-contract.js";
import { ethersSigners } from "../../src/core/ethers/ethers-context.js";
import type { TrackingSigner } from "../../src/core/ethers/tracking-signer.js";
import type { Eip1193Provider } from "../../src/core/provider.js";
import type { MigrationSender } from "../../src/core/transactions/migration-sender.js";
import { providerAccount } from "../../src/core/transactions/sending-account.js";

/** `sender`'s journaled path as a migration's context gives it: accounts signing through `provider`. */
export function senderTransactions(sender: MigrationSender, provider: Eip1193Provider): MigrationTransactions {
  return {
    send: (from, tx) => sender.send(providerAccount(provider, from), tx),
    wait: (hash) => sender.wait(hash),
  };
}

/** `inner`, as the ethers front-end gives it to a migration: its transactions go through `sender`. */
export async function trackingSigner(sender: MigrationSender, provider: Eip1193Provider, inner: Signer): Promise<TrackingSigner> {
  return ethersSigners({ transactions: senderTransactions(sender, provider) }, async () => inner).signerFor(await inner.getAddress());
}

import type { Eip1193Provider } from "../provider.js";
import type { AccountSigner, SentTransaction, TransactionFields } from "./ethers-objects.js";
import type { MigrationSender } from "./migration-sender.js";

/** `eth_sendTransaction`'s one parameter, as a contract library (viem, web3, a wallet) sends it. */
interface RpcTransaction {
  readonly from?: string;
  readonly to?: string | null;
  readonly data?: string;
  readonly input?: string;
  readonly value?: string;
  readonly gas?: string;
  readonly gasPrice?: string;
  readonly maxFeePerGas?: string;
  readonly maxPriorityFeePerGas?: string;
  readonly nonce?: string;
}

/**
 * The EIP-1193 provider a migration hands to a contract library (`ctx.provider`, viem's clients):
 * `provider`, except that
 * - `eth_sendTransaction` (and `wallet_sendTransaction`) is the migration's next step through `sender` (journaled before it is
 *   sent, nonce assigned by the run, reused instead of sent again when an interrupted run sent it);
 * - `eth_getTransactionReceipt` of a transaction sent here answers once the sender's wait (the
 *   run's timeout, confirmations, fee bumps; journaled as mined) has it, so a library polling for
 *   its receipt waits exactly as `tx.wait()` does through the ethers front-end.
 * Everything else goes to `provider` as it is.
 */
export function trackedProvider(
  provider: Eip1193Provider,
  sender: MigrationSender,
  /** The signer of `from` (the deployer when a request names none). */
  signerFor: (from: string | undefined) => Promise<AccountSigner>,
): Eip1193Provider {
  const sent = new Map<string, SentTransaction>();
  return {
    async request(args) {
      const params = (Array.isArray(args.params) ? args.params : []) as unknown[];
      // viem falls back to `wallet_sendTransaction` when a wallet refuses the first: the same step.
      if (args.method === "eth_sendTransaction" || args.method === "wallet_sendTransaction") {
        const tx = params[0] as RpcTransaction;
        const signer = await signerFor(tx.from);
        const response = await sender.send(signer, toRequest(tx));
        sent.set(response.hash.toLowerCase(), response);
        return response.hash;
      }
      if (args.method === "eth_getTransactionReceipt") {
        const response = sent.get(String(params[0]).toLowerCase());
        if (response !== undefined) {
          await sender.wait(response);
        }
      }
      return provider.request(args);
    },
  };
}

/** The RPC transaction as the sender's request (quantities as bigints; `from` is the signer's). */
function toRequest(tx: RpcTransaction): TransactionFields {
  const big = (value: string | undefined) => (value === undefined || value === null ? undefined : BigInt(value));
  const request: Record<string, unknown> = {
    to: tx.to ?? null,
    data: tx.data ?? tx.input ?? "0x",
    value: big(tx.value),
    gasLimit: big(tx.gas),
    gasPrice: big(tx.gasPrice),
    maxFeePerGas: big(tx.maxFeePerGas),
    maxPriorityFeePerGas: big(tx.maxPriorityFeePerGas),
    nonce: tx.nonce === undefined ? undefined : Number(BigInt(tx.nonce)),
  };
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) as TransactionFields;
}

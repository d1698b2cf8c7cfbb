import type { Eip1193Provider } from "../provider.js";
import type { MigrationSender } from "./migration-sender.js";
import type { PlainTransaction } from "./plain-transaction.js";
import type { SendingAccount } from "./sending-account.js";

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
  readonly accessList?: PlainTransaction["accessList"];
}

/**
 * The EIP-1193 provider a migration hands to a contract library (`ctx.provider`, viem's clients):
 * `provider`, except that
 * - `eth_sendTransaction` (and `wallet_sendTransaction`) is the migration's next step through `sender` (journaled before it is
 *   sent, nonce assigned by the run, reused instead of sent again when an interrupted run sent it);
 * - `eth_getTransactionReceipt` of a transaction sent here answers with the receipt the sender's
 *   wait (the run's timeout, confirmations, fee bumps; journaled as mined) got, so a library
 *   polling for its receipt waits exactly as `tx.wait()` does through the ethers front-end, and
 *   costs no second round trip.
 * Everything else goes to `provider` as it is.
 */
export function trackedProvider(
  provider: Eip1193Provider,
  sender: MigrationSender,
  /** The account of `from` (the deployer when a request names none). */
  accountFor: (from: string | undefined) => Promise<SendingAccount>,
): Eip1193Provider {
  return {
    async request(args) {
      const params = (Array.isArray(args.params) ? args.params : []) as unknown[];
      // viem falls back to `wallet_sendTransaction` when a wallet refuses the first: the same step.
      if (args.method === "eth_sendTransaction" || args.method === "wallet_sendTransaction") {
        const tx = params[0] as RpcTransaction;
        const account = await accountFor(tx.from);
        return (await sender.send(account, toRequest(tx))).hash;
      }
      if (args.method === "eth_getTransactionReceipt" && sender.has(String(params[0]))) {
        return (await sender.wait(String(params[0]))).raw;
      }
      return provider.request(args);
    },
  };
}

/** The RPC transaction as the sender's request (quantities as bigints; `from` is the account's). */
function toRequest(tx: RpcTransaction): PlainTransaction {
  const big = (value: string | undefined) => (value === undefined || value === null ? undefined : BigInt(value));
  const request: Record<string, unknown> = {
    to: tx.to ?? null,
    data: tx.data ?? tx.input ?? "0x",
    value: big(tx.value),
    gas: big(tx.gas),
    gasPrice: big(tx.gasPrice),
    maxFeePerGas: big(tx.maxFeePerGas),
    maxPriorityFeePerGas: big(tx.maxPriorityFeePerGas),
    nonce: tx.nonce === undefined ? undefined : Number(BigInt(tx.nonce)),
    accessList: tx.accessList,
  };
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) as unknown as PlainTransaction;
}

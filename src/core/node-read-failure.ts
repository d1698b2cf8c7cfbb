import { errorChain } from "./error-chain.js";
import type { Eip1193Provider } from "./provider.js";
import { sleep } from "./sleep.js";

/**
 * A read the node did not answer: the transport failed (an HTTP status instead of an answer, a
 * dropped connection, a timeout, a rate limit) or the node reported a failure of its own (a
 * JSON-RPC -32603 internal error, "header not found", ...). It says nothing about the contract
 * that was asked, unlike the contract's own answer: a revert, or data that does not decode.
 */
export class NodeReadFailure extends Error {
  constructor(
    readonly method: string,
    cause: unknown,
  ) {
    super(`${method}: ${describeNodeFailure(cause)}`, { cause });
    this.name = "NodeReadFailure";
  }

  static in(error: unknown): NodeReadFailure | undefined {
    return errorChain(error).find((e): e is NodeReadFailure => e instanceof NodeReadFailure);
  }
}

/**
 * Whether what a request threw is the contract's own answer: a revert, as EIP-1474 code 3, revert
 * data (hex, `0x` for a bare revert), or a node's message that says so (geth answers a bare revert
 * with -32000 "execution reverted"), or an invalid opcode. Anything else is the node's failure.
 * When unsure, a failure is the node's: retrying is harmless, calling a live Migrator
 * incompatible is not (its hint says to start a fresh record).
 */
export function isContractAnswer(error: unknown): boolean {
  return errorChain(error).some((e) => {
    const { code, data, message } = e as { code?: unknown; data?: unknown; message?: unknown };
    return (
      code === 3 ||
      (typeof data === "string" && /^0x[0-9a-f]*$/i.test(data)) ||
      (typeof message === "string" && /\brevert|invalid opcode/i.test(message))
    );
  });
}

/** `provider`, whose failed requests reject with NodeReadFailure unless they are the contract's answer. */
export function tellingNodeFailures(provider: Eip1193Provider): Eip1193Provider {
  return {
    request: async (args) => {
      try {
        return await provider.request(args);
      } catch (error) {
        throw isContractAnswer(error) || NodeReadFailure.in(error) !== undefined ? error : new NodeReadFailure(args.method, error);
      }
    },
  };
}

/** How long `retryNodeFailures` waits before each new attempt: three attempts in all, about 1 s. */
export const NODE_READ_RETRY_DELAYS_MS: readonly number[] = [200, 800];

/**
 * `read()`, asked again after a short wait while it fails with NodeReadFailure (at most
 * `delays.length` more times: bounded, so a node that stays down fails the command in about a
 * second). Any other failure is thrown at once.
 */
export async function retryNodeFailures<T>(read: () => Promise<T>, delays: readonly number[] = NODE_READ_RETRY_DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= delays.length || NodeReadFailure.in(error) === undefined) {
        throw error;
      }
      await sleep(delays[attempt]!);
    }
  }
}

/**
 * One line for a node's failure: its message, with what the causes add (the HTTP status, the
 * JSON-RPC error code, the socket's error) when the message does not say it.
 */
export function describeNodeFailure(error: unknown): string {
  const chain = errorChain(error);
  const message = chain[0] instanceof Error ? chain[0].message : String(error);
  const details: string[] = [];
  for (const e of chain) {
    const { statusCode, code, message: m } = e as { statusCode?: unknown; code?: unknown; message?: unknown };
    if (typeof statusCode === "number") {
      details.push(`HTTP ${statusCode}`);
    } else if (typeof code === "number" && code <= -32000) {
      details.push(`JSON-RPC error ${code}`);
    } else if (typeof code === "string" && /^[A-Z][A-Z_]+$/.test(code)) {
      details.push(typeof m === "string" && m !== "" && m !== message ? `${code}: ${m}` : code);
    }
  }
  const added = [...new Set(details)].filter((d) => !message.includes(d));
  return added.length === 0 ? message : `${message} (${added.join(", ")})`;
}

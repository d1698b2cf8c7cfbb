import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { getCreate2Address, keccak256 } from "ethers";
import solc from "solc";

import { rpc } from "./rpc.js";

/**
 * A block explorer speaking the Etherscan API (the part hardhat-verify uses) for one chain served
 * by an HTTP node, that really checks what it is sent: `verifysourcecode` compiles the submitted
 * standard-JSON input with the `solc` package (it refuses any other compiler version), takes the
 * named contract's runtime code (libraries linked by the compiler from `settings.libraries`,
 * immutables and a library's own-address guard filled from the on-chain code at the positions
 * the compiler gives; with `settings.libraries`, the metadata hash is left out, as solc puts the
 * libraries in the metadata), compares it
 * with `eth_getCode`, and compares the creation code followed by the constructor arguments with
 * the input of the transaction that created the address. Nothing else passes.
 */
export interface LocalEtherscan {
  /** For `chainDescriptors.<id>.blockExplorers.etherscan.apiUrl`. */
  readonly apiUrl: string;
  /** For `chainDescriptors.<id>.blockExplorers.etherscan.url`. */
  readonly url: string;
  readonly apiKey: string;
  /** Every `verifysourcecode` request answered, with its verdict, in order. */
  readonly submissions: Array<{ address: string; contractName: string; compilerVersion: string; verdict: string }>;
  /** While false, every request gets HTTP 503 (an explorer outage). */
  available: boolean;
  /** Forgets that `address` is verified (so that a test can have a submission judged again). */
  forget(address: string): void;
  stop(): Promise<void>;
}

const PASS = "Pass - Verified";

export async function startLocalEtherscan(rpcUrl: string, apiKey = "local-etherscan-key"): Promise<LocalEtherscan> {
  const compilerVersion = `v${solc.version().replace(/\.Emscripten.*$/, "")}`;
  const verified = new Map<string, { source: string; contractName: string; compilerVersion: string }>();
  const verdicts = new Map<string, string>();
  let nextGuid = 1;

  const service: Omit<LocalEtherscan, "apiUrl" | "url" | "stop"> = {
    apiKey,
    submissions: [],
    available: true,
    forget: (address) => verified.delete(address.toLowerCase()),
  };

  async function verify(form: URLSearchParams): Promise<string> {
    const address = (form.get("contractaddress") ?? "").toLowerCase();
    const contractName = form.get("contractname") ?? "";
    const requested = form.get("compilerversion") ?? "";
    if (requested !== compilerVersion) {
      return `Fail - Unable to verify. This explorer only has solc ${compilerVersion}, not ${requested}.`;
    }
    const code = await rpc<string>(rpcUrl, "eth_getCode", [address, "latest"]);
    const creation = await creationTransaction(rpcUrl, address);
    if (code === "0x" || creation === undefined) {
      return `Fail - Unable to verify. Unable to locate ContractCode at ${address}`;
    }
    const separator = contractName.lastIndexOf(":");
    const [sourceName, name] = [contractName.slice(0, separator), contractName.slice(separator + 1)];
    const output = JSON.parse(solc.compile(form.get("sourceCode") ?? "")) as SolcOutput;
    const errors = (output.errors ?? []).filter((e) => e.severity === "error");
    if (errors.length > 0) {
      return `Fail - Unable to verify. Compilation failed: ${errors.map((e) => e.formattedMessage ?? e.message).join(" ")}`;
    }
    const compiled = output.contracts?.[sourceName]?.[name]?.evm;
    if (compiled === undefined) {
      return `Fail - Unable to verify. The input has no contract ${contractName}.`;
    }
    if (Object.keys(compiled.deployedBytecode.linkReferences ?? {}).length > 0) {
      return "Fail - Unable to verify. A library address is missing from settings.libraries.";
    }
    let expected = compiled.deployedBytecode.object.toLowerCase();
    const onChain = code.slice(2).toLowerCase();
    const fill = (start: number, length: number) => {
      expected = expected.slice(0, start * 2) + onChain.slice(start * 2, (start + length) * 2) + expected.slice((start + length) * 2);
    };
    for (const references of Object.values(compiled.deployedBytecode.immutableReferences ?? {})) {
      for (const { start, length } of references) {
        fill(start, length);
      }
    }
    if (expected.startsWith(`73${"0".repeat(40)}`)) {
      // A library's call guard: `PUSH20 <its own address>`, written at deployment.
      fill(1, 20);
    }
    let creationCode = compiled.bytecode.object.toLowerCase();
    let deployedCreation = creation.input.slice(2).toLowerCase();
    let onChainRuntime = onChain;
    const input = JSON.parse(form.get("sourceCode") ?? "{}") as { settings?: { libraries?: Record<string, unknown> } };
    if (Object.keys(input.settings?.libraries ?? {}).length > 0) {
      // solc writes settings.libraries into the metadata, so a contract compiled unlinked and linked
      // at deployment differs from this compilation in its metadata hash only: compare without it.
      const metadata = expected.slice(expected.length - (parseInt(expected.slice(-4), 16) + 2) * 2);
      const at = creationCode.indexOf(metadata);
      const blank = (hex: string, from: number, length: number) => hex.slice(0, from) + "0".repeat(length) + hex.slice(from + length);
      expected = blank(expected, expected.length - metadata.length, metadata.length);
      onChainRuntime = blank(onChain, expected.length - metadata.length, metadata.length);
      if (at >= 0) {
        creationCode = blank(creationCode, at, metadata.length);
        deployedCreation = blank(deployedCreation, at, metadata.length);
      }
    }
    if (expected !== onChainRuntime) {
      return "Fail - Unable to verify. Compiled contract deployment bytecode does NOT match the transaction deployment bytecode.";
    }
    const args = (form.get("constructorArguements") ?? form.get("constructorArguments") ?? "").replace(/^0x/, "").toLowerCase();
    if (deployedCreation !== creationCode + args) {
      return "Fail - Unable to verify. Please check if the correct constructor argument was entered.";
    }
    verified.set(address, { source: form.get("sourceCode") ?? "", contractName, compilerVersion: requested });
    return PASS;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = (status: number, body: { status: string; message: string; result: unknown }) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    let text = "";
    for await (const chunk of request) {
      text += (chunk as Buffer).toString();
    }
    if (!service.available) {
      reply(503, { status: "0", message: "NOTOK", result: "Service temporarily unavailable" });
      return;
    }
    const params = new URLSearchParams(url.search);
    if (params.get("apikey") !== apiKey) {
      reply(200, { status: "0", message: "NOTOK", result: "Invalid API Key" });
      return;
    }
    const action = params.get("action");
    if (action === "getsourcecode") {
      const entry = verified.get((params.get("address") ?? "").toLowerCase());
      reply(200, {
        status: "1",
        message: "OK",
        result: [{ SourceCode: entry?.source ?? "", ContractName: entry?.contractName ?? "", CompilerVersion: entry?.compilerVersion ?? "", ABI: entry === undefined ? "Contract source code not verified" : "[]" }],
      });
      return;
    }
    if (action === "verifysourcecode" && request.method === "POST") {
      const form = new URLSearchParams(text);
      const address = (form.get("contractaddress") ?? "").toLowerCase();
      if (verified.has(address)) {
        reply(200, { status: "0", message: "NOTOK", result: "Contract source code already verified" });
        return;
      }
      const verdict = await verify(form);
      service.submissions.push({ address, contractName: form.get("contractname") ?? "", compilerVersion: form.get("compilerversion") ?? "", verdict });
      const guid = `guid-${nextGuid++}`;
      verdicts.set(guid, verdict);
      reply(200, { status: "1", message: "OK", result: guid });
      return;
    }
    if (action === "checkverifystatus") {
      const verdict = verdicts.get(params.get("guid") ?? "");
      reply(200, verdict === undefined ? { status: "0", message: "NOTOK", result: "Unknown GUID" } : { status: verdict === PASS ? "1" : "0", message: verdict === PASS ? "OK" : "NOTOK", result: verdict });
      return;
    }
    reply(200, { status: "0", message: "NOTOK", result: `Unsupported action ${action ?? "(none)"}` });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ status: "0", message: "NOTOK", result: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(service, {
    apiUrl: `http://127.0.0.1:${port}/api`,
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

interface SolcOutput {
  errors?: Array<{ severity: string; message: string; formattedMessage?: string }>;
  contracts?: Record<
    string,
    Record<
      string,
      {
        evm: {
          bytecode: { object: string };
          deployedBytecode: {
            object: string;
            linkReferences?: Record<string, unknown>;
            immutableReferences?: Record<string, Array<{ start: number; length: number }>>;
          };
        };
      }
    >
  >;
}

/** The deterministic-deployment proxy (CREATE2 factory): its calls are a 32-byte salt and the creation code. */
const CREATE2_FACTORY = "0x4e59b44847b379578588920ca78fbf26c0b4956c";

/**
 * The creation code and constructor arguments that created `address` (this explorer's index: a
 * scan of the node's blocks): a creation transaction's input, or a CREATE2 factory call's input
 * after the salt when salt and code give the address.
 */
async function creationTransaction(rpcUrl: string, address: string): Promise<{ input: string } | undefined> {
  const head = Number(BigInt(await rpc<string>(rpcUrl, "eth_blockNumber")));
  for (let n = head; n >= 0; n--) {
    const block = await rpc<{ transactions: Array<{ hash: string; to: string | null; input: string }> }>(rpcUrl, "eth_getBlockByNumber", [`0x${n.toString(16)}`, true]);
    for (const tx of block.transactions) {
      if (tx.to?.toLowerCase() === CREATE2_FACTORY && tx.input.length > 66) {
        const initCode = `0x${tx.input.slice(66)}`;
        if (getCreate2Address(CREATE2_FACTORY, tx.input.slice(0, 66), keccak256(initCode)).toLowerCase() === address) {
          return { input: initCode };
        }
        continue;
      }
      if (tx.to !== null) {
        continue;
      }
      const receipt = await rpc<{ contractAddress: string | null }>(rpcUrl, "eth_getTransactionReceipt", [tx.hash]);
      if (receipt.contractAddress?.toLowerCase() === address) {
        return { input: tx.input };
      }
    }
  }
  return undefined;
}

import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import {
  setLibSourcifyLoggerLevel,
  SolidityCompilation,
  SourcifyChain,
  Verification,
  type ISolidityCompiler,
  type VerificationStatus,
} from "@ethereum-sourcify/lib-sourcify";
import solc from "solc";

/**
 * A Sourcify server (the API v2 endpoints hardhat-verify calls) for one chain served by an HTTP
 * node, whose verdicts are lib-sourcify's own: `POST /v2/verify/:chainId/:address` recompiles the
 * submitted standard-JSON input with the `solc` package (lib-sourcify's compiler is this
 * package's solc-js; any other version is refused, nothing is downloaded) and matches the runtime
 * code against `eth_getCode` and, given the creation transaction, the creation code against it, as
 * sourcify.dev does, through the node's RPC.
 */
export interface LocalSourcify {
  /** For `verify.sourcify.apiUrl`. */
  readonly apiUrl: string;
  /** Every verification job, in order: the address, the contract, and lib-sourcify's verdict. */
  readonly jobs: Array<{ address: string; contractIdentifier: string; match: string | null; error?: string }>;
  stop(): Promise<void>;
}

type SolidityJsonInput = ConstructorParameters<typeof SolidityCompilation>[2];
type SolidityOutput = Awaited<ReturnType<ISolidityCompiler["compile"]>>;

type Match = "exact_match" | "match" | null;

interface Job {
  verificationId: string;
  isJobCompleted: true;
  jobStartTime: string;
  jobFinishTime: string;
  contract: { match: Match; creationMatch: Match; runtimeMatch: Match; chainId: string; address: string };
  error?: { customCode: string; message: string; errorId: string };
}

/** lib-sourcify's compiler interface over the solc package (the only version this server has). */
class SolcJsCompiler implements ISolidityCompiler {
  readonly version = solc.version().replace(/\.Emscripten.*$/, "");

  compile(version: string, input: SolidityJsonInput): Promise<SolidityOutput> {
    if (version.replace(/^v/, "") !== this.version) {
      throw new Error(`This server only has solc ${this.version}, not ${version}.`);
    }
    return Promise.resolve(JSON.parse(solc.compile(JSON.stringify(input))) as SolidityOutput);
  }
}

const asMatch = (status: VerificationStatus): Match => (status === "perfect" ? "exact_match" : status === "partial" ? "match" : null);

export async function startLocalSourcify(rpcUrl: string, chainId: number): Promise<LocalSourcify> {
  setLibSourcifyLoggerLevel(0); // errors only: its info lines would drown the test output
  const compiler = new SolcJsCompiler();
  const chain = new SourcifyChain({ name: "Local chain", chainId, rpcs: [{ rpc: rpcUrl }], supported: true });
  /** Verified contracts by lower-case address. */
  const verified = new Map<string, Job["contract"]>();
  const jobs = new Map<string, Job>();
  const service: LocalSourcify = { apiUrl: "", jobs: [], stop: () => Promise.resolve() };

  async function verify(address: string, body: { stdJsonInput?: SolidityJsonInput; contractIdentifier?: string; compilerVersion?: string; creationTransactionHash?: string }): Promise<Job> {
    const start = new Date().toISOString();
    const identifier = body.contractIdentifier ?? "";
    const separator = identifier.lastIndexOf(":");
    const contract: Job["contract"] = { match: null, creationMatch: null, runtimeMatch: null, chainId: String(chainId), address };
    const job: Job = { verificationId: randomUUID(), isJobCompleted: true, jobStartTime: start, jobFinishTime: start, contract };
    try {
      const compilation = new SolidityCompilation(compiler, (body.compilerVersion ?? "").replace(/^v/, ""), body.stdJsonInput!, {
        path: identifier.slice(0, separator),
        name: identifier.slice(separator + 1),
      });
      const verification = new Verification(compilation, chain, address, body.creationTransactionHash);
      await verification.verify();
      const { runtimeMatch, creationMatch } = verification.status;
      contract.runtimeMatch = asMatch(runtimeMatch);
      contract.creationMatch = asMatch(creationMatch);
      contract.match = contract.runtimeMatch === "exact_match" || contract.creationMatch === "exact_match" ? "exact_match" : (contract.runtimeMatch ?? contract.creationMatch);
      if (contract.match === null) {
        job.error = { customCode: "no_match", message: "The deployed and recompiled bytecode don't match.", errorId: randomUUID() };
      } else {
        verified.set(address.toLowerCase(), contract);
      }
    } catch (error) {
      const code = (error as { code?: string }).code ?? "internal_error";
      job.error = { customCode: code, message: (error as Error).message, errorId: randomUUID() };
    }
    job.jobFinishTime = new Date().toISOString();
    service.jobs.push({ address: address.toLowerCase(), contractIdentifier: identifier, match: contract.match, ...(job.error !== undefined ? { error: job.error.message } : {}) });
    return job;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    let text = "";
    for await (const chunk of request) {
      text += (chunk as Buffer).toString();
    }
    const parts = new URL(request.url ?? "/", "http://127.0.0.1").pathname.split("/").filter((p) => p !== "");
    // GET /v2/contract/:chainId/:address
    if (request.method === "GET" && parts[0] === "v2" && parts[1] === "contract" && parts.length === 4) {
      const [, , chain, address] = parts as [string, string, string, string];
      const contract = chain === String(chainId) ? verified.get(address.toLowerCase()) : undefined;
      reply(contract === undefined ? 404 : 200, contract ?? { match: null, creationMatch: null, runtimeMatch: null, chainId: chain, address });
      return;
    }
    // POST /v2/verify/:chainId/:address
    if (request.method === "POST" && parts[0] === "v2" && parts[1] === "verify" && parts.length === 4) {
      const [, , chain, address] = parts as [string, string, string, string];
      if (chain !== String(chainId)) {
        reply(400, { customCode: "unsupported_chain", message: `Chain ${chain} is not supported by this server.`, errorId: randomUUID() });
        return;
      }
      if (verified.has(address.toLowerCase())) {
        reply(409, { customCode: "already_verified", message: "Contract already verified.", errorId: randomUUID() });
        return;
      }
      const job = await verify(address, JSON.parse(text) as Parameters<typeof verify>[1]);
      jobs.set(job.verificationId, job);
      reply(202, { verificationId: job.verificationId });
      return;
    }
    // GET /v2/verify/:verificationId
    if (request.method === "GET" && parts[0] === "v2" && parts[1] === "verify" && parts.length === 3) {
      const job = jobs.get(parts[2]!);
      reply(job === undefined ? 404 : 200, job ?? { customCode: "job_not_found", message: "No such job.", errorId: randomUUID() });
      return;
    }
    reply(404, { customCode: "route_not_found", message: `No route ${request.method ?? ""} ${request.url ?? ""}`, errorId: randomUUID() });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ customCode: "internal_error", message: String(error), errorId: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(service, {
    apiUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

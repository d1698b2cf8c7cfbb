import { appendFileSync } from "node:fs";

let file;

export function initialize(data) {
  file = data?.file;
}

export async function resolve(specifier, context, next) {
  if (file !== undefined && /^(ethers|viem)(\/|$)/.test(specifier)) {
    appendFileSync(file, `${JSON.stringify({ specifier, parent: context.parentURL ?? "" })}\n`);
  }
  return next(specifier, context);
}

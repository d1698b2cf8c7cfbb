/**
 * `values` with every Addressable (an ethers `Contract`, a signer: anything with `getAddress()`)
 * replaced by its address, in arrays and plain objects too (tuples): what ethers resolves before
 * encoding, and the engine's encoder, which takes plain values, does not.
 */
export async function resolveAddressables(values: readonly unknown[]): Promise<unknown[]> {
  return Promise.all(values.map(resolve));
}

async function resolve(value: unknown): Promise<unknown> {
  if (Array.isArray(value)) {
    return resolveAddressables(value);
  }
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) {
    return value;
  }
  const getAddress = (value as { getAddress?: unknown }).getAddress;
  if (typeof getAddress === "function") {
    return (await (getAddress as () => Promise<string>).call(value)) as unknown;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await resolve(item)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

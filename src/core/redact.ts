/**
 * Removes secrets from text we print or write: the given ones (RPC URLs, private keys, API keys
 * from the config) wherever they appear, and in any URL, its user:password part and the values
 * of key-like query parameters.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const exact = [...new Set(secrets.filter((s) => s.length >= 8))].sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const secret of exact) {
      result = result.split(secret).join("<redacted>");
      if (/^0x[0-9a-fA-F]{64}$/.test(secret)) {
        result = result.split(secret.slice(2)).join("<redacted>");
      }
    }
    return result
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, "$1<redacted>@")
      .replace(/([?&](?:api[-_]?key|apikey|key|token|secret|access[-_]?token)=)[^&\s"']+/gi, "$1<redacted>");
  };
}

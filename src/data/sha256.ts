/**
 * SHA-256 of `bytes` as 64 lowercase hex digits, via Web Crypto. Returns null where `crypto.subtle`
 * is missing: browsers expose it only in secure contexts (https or localhost), so a page opened over
 * plain http on a LAN address cannot verify and must skip the check rather than fail.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const data = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  const digest = new Uint8Array(await subtle.digest('SHA-256', data));
  let hex = '';
  for (let i = 0; i < digest.length; i++) hex += digest[i].toString(16).padStart(2, '0');
  return hex;
}

/**
 * Parses the output of `sha256sum` (GNU coreutils): one `<64 hex digits> <space or '*'><name>` per line,
 * `*` marking binary mode. Returns name → lowercase hex. Blank lines, `#` comments and lines that do not
 * fit are skipped; a leading `./` on a name is dropped.
 */
export function parseSha256Sums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([0-9a-fA-F]{64}) [ *](.+?)\s*$/.exec(line);
    if (!match) continue;
    sums.set(match[2].replace(/^\.\//, ''), match[1].toLowerCase());
  }
  return sums;
}

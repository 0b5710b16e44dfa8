import { createHash } from 'node:crypto';

const LONGEST_NAME = 160;
const KEPT_PREFIX = 96;

/**
 * Where a storage key lives under the state directory: `<shard>/<name>.json`.
 *
 * @remarks
 * The name keeps only `a-z 0-9 _ -` and writes every other UTF-8 byte as `%hh` (upper-case letters
 * too, so case-insensitive file systems cannot merge two keys), which makes it injective and free of
 * `/`, `\`, `.` and `..`. Names longer than 160 characters keep a readable prefix plus `~` and the key's
 * SHA-256 (`~` never appears in an escaped name, so a shortened name cannot equal a full one). The shard
 * (the first byte of the hash, 256 folders) keeps directories small at 100k conversations.
 */
export function stateFilePath(key: string): { shard: string; name: string } {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  // An empty key becomes a lone '%', which no other key escapes to.
  let name = escapeKey(key) || '%';
  if (name.length > LONGEST_NAME) {
    let prefix = name.slice(0, KEPT_PREFIX);
    const cut = prefix.lastIndexOf('%');
    if (cut > KEPT_PREFIX - 3) prefix = prefix.slice(0, cut);
    name = `${prefix}~${hash}`;
  }
  return { shard: hash.slice(0, 2), name: `${name}.json` };
}

/** True for a shard folder name produced by stateFilePath. */
export function isShardName(name: string): boolean {
  return /^[0-9a-f]{2}$/.test(name);
}

function escapeKey(key: string): string {
  let out = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const safe =
      (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x5f || byte === 0x2d;
    out += safe ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

import { createHash } from 'node:crypto';

const LONGEST_NAME = 160;
const KEPT_PREFIX = 96;

/**
 * Where a storage key lives under the state directory: `<shard>/<name>.json`.
 *
 * @remarks
 * The name keeps only `a-z 0-9 _ -` and writes every other UTF-16 unit as `%hh` or `%uhhhh` (upper-case
 * letters too, so case-insensitive file systems cannot merge two keys), which makes it injective (even for
 * malformed strings) and free of `/`, `\`, `.` and `..`. Names longer than 160 characters keep a
 * readable prefix plus `~` and the key's SHA-256 (`~` never appears in an escaped name, so a shortened
 * name cannot equal a full one). The shard (the first byte of the hash, 256 folders) keeps directories
 * small at 100k conversations.
 */
export function stateFilePath(key: string): { shard: string; name: string } {
  const hash = createHash('sha256').update(key, 'utf16le').digest('hex');
  // An empty key becomes a lone '%', which no other key escapes to.
  let name = escapeKey(key) || '%';
  if (name.length > LONGEST_NAME) {
    let prefix = name.slice(0, KEPT_PREFIX);
    const cut = prefix.lastIndexOf('%');
    // Do not split an escape (%hh or %uhhhh).
    if (cut > KEPT_PREFIX - 6) prefix = prefix.slice(0, cut);
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
  for (let index = 0; index < key.length; index++) {
    const unit = key.charCodeAt(index);
    const safe = (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x5f || unit === 0x2d;
    if (safe) out += key[index];
    else if (unit < 0x100) out += `%${unit.toString(16).padStart(2, '0')}`;
    else out += `%u${unit.toString(16).padStart(4, '0')}`;
  }
  return out;
}

import { crc32 } from 'node:zlib';

/** One saved state of one key: the key (for purges and shortened file names), the eTag, and the item without it. */
export interface StateRecord {
  key: string;
  eTag: string;
  item: Record<string, unknown>;
}

const NEWLINE = 0x0a;
const HEADER = /^(\d{1,10}) ([0-9a-f]{8}) /;

/**
 * A record as one line: `<byte length> <crc32, 8 hex digits> <JSON>\n` (`json`: the record already serialised).
 *
 * @remarks
 * JSON.stringify never writes a raw newline, so a newline always ends a record; the length and the
 * checksum tell a complete record from one cut short by a crash or damaged on disk.
 */
export function encodeRecord(record: StateRecord, json: string = JSON.stringify(record)): Buffer {
  const length = Buffer.byteLength(json);
  const headerLength = String(length).length + 10;
  const line = Buffer.allocUnsafe(headerLength + length + 1);
  line.write(json, headerLength);
  const checksum = crc32(line.subarray(headerLength, headerLength + length));
  line.write(`${length} ${checksum.toString(16).padStart(8, '0')} `, 0, 'latin1');
  line[line.length - 1] = NEWLINE;
  return line;
}

/**
 * The last complete, checksum-valid record in a state file, or null when there is none. Anything after it
 * (a torn write, a damaged byte) is passed over. A file in the format before records had checksums (the
 * whole file one JSON object, `{"key":…}`) reads as one record.
 */
export function lastIntactRecord(file: Buffer): StateRecord | null {
  let end = file.length;
  while (end > 0) {
    const start = file.lastIndexOf(NEWLINE, end - 1) + 1;
    const record = decodeLine(file.subarray(start, end));
    if (record) return record;
    end = start - 1;
  }
  return null;
}

function decodeLine(line: Buffer): StateRecord | null {
  if (line.length === 0) return null;
  if (line[0] === 0x7b /* { */) return parseRecord(line);
  const header = HEADER.exec(line.toString('latin1', 0, 20));
  if (!header) return null;
  const json = line.subarray(header[0].length);
  if (json.length !== Number(header[1]) || crc32(json) !== parseInt(header[2], 16)) return null;
  return parseRecord(json);
}

function parseRecord(json: Buffer): StateRecord | null {
  try {
    const record = JSON.parse(json.toString('utf8')) as StateRecord;
    return typeof record?.key === 'string' && typeof record.eTag === 'string' ? record : null;
  } catch {
    return null;
  }
}

import zlib from 'node:zlib';

// SPDY/3.1 framing as kubectl's port-forward speaks it (client-go httpstream/spdy over
// moby/spdystream), either tunneled in WebSocket binary messages or after an HTTP
// `Upgrade: SPDY/3.1`. Only what port-forward uses: SYN_STREAM/SYN_REPLY with zlib-compressed
// header blocks, DATA, RST_STREAM, PING, GOAWAY; spdystream does no flow control.

export const SPDY_VERSION = 3;
export const CONTROL = {
  SYN_STREAM: 1,
  SYN_REPLY: 2,
  RST_STREAM: 3,
  SETTINGS: 4,
  PING: 6,
  GOAWAY: 7,
  HEADERS: 8,
  WINDOW_UPDATE: 9,
} as const;
export const FLAG_FIN = 0x01;
export const RST_PROTOCOL_ERROR = 1;

// The header-compression dictionary of the SPDY/3 draft (§2.6.10.1): length-prefixed words
// followed by one literal tail. A peer checks its Adler-32, so it must match to the byte.
const DICTIONARY_WORDS = [
  'options', 'head', 'post', 'put', 'delete', 'trace', 'accept', 'accept-charset',
  'accept-encoding', 'accept-language', 'accept-ranges', 'age', 'allow', 'authorization',
  'cache-control', 'connection', 'content-base', 'content-encoding', 'content-language',
  'content-length', 'content-location', 'content-md5', 'content-range', 'content-type',
  'date', 'etag', 'expect', 'expires', 'from', 'host', 'if-match', 'if-modified-since',
  'if-none-match', 'if-range', 'if-unmodified-since', 'last-modified', 'location',
  'max-forwards', 'pragma', 'proxy-authenticate', 'proxy-authorization', 'range', 'referer',
  'retry-after', 'server', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent',
  'vary', 'via', 'warning', 'www-authenticate', 'method', 'get', 'status', '200 OK',
  'version', 'HTTP/1.1', 'url', 'public', 'set-cookie', 'keep-alive', 'origin',
]; // prettier-ignore
const DICTIONARY_TAIL =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505' +
  '203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request' +
  '401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented' +
  '503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 ' +
  'Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,' +
  'application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=' +
  'gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

export const SPDY_DICTIONARY = Buffer.concat([
  ...DICTIONARY_WORDS.map(word => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(word.length);
    return Buffer.concat([length, Buffer.from(word, 'latin1')]);
  }),
  Buffer.from(DICTIONARY_TAIL, 'latin1'),
]);

export type SpdyFrame =
  | { control: false; streamId: number; flags: number; data: Buffer }
  | { control: true; type: number; flags: number; payload: Buffer };

/** Splits a byte stream into frames; call `push` with each chunk as it arrives. */
export class SpdyFrameReader {
  private buffered = Buffer.alloc(0);

  push(chunk: Buffer): SpdyFrame[] {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const frames: SpdyFrame[] = [];
    while (this.buffered.length >= 8) {
      const length = this.buffered.readUIntBE(5, 3);
      if (this.buffered.length < 8 + length) break;
      const flags = this.buffered[4];
      const body = this.buffered.subarray(8, 8 + length);
      if (this.buffered[0] & 0x80) {
        frames.push({
          control: true,
          type: this.buffered.readUInt16BE(2),
          flags,
          payload: body,
        });
      } else {
        frames.push({
          control: false,
          streamId: this.buffered.readUInt32BE(0) & 0x7fffffff,
          flags,
          data: body,
        });
      }
      this.buffered = this.buffered.subarray(8 + length);
    }
    return frames;
  }
}

function frameHeader(
  first: number,
  second: number,
  flags: number,
  length: number,
) {
  const header = Buffer.alloc(8);
  header.writeUInt16BE(first, 0);
  header.writeUInt16BE(second, 2);
  header.writeUInt32BE(length, 4);
  header[4] = flags;
  return header;
}

export function controlFrame(type: number, flags: number, payload: Buffer) {
  return Buffer.concat([
    frameHeader(0x8000 | SPDY_VERSION, type, flags, payload.length),
    payload,
  ]);
}

export function dataFrame(streamId: number, flags: number, data: Buffer) {
  const header = frameHeader(0, 0, flags, data.length);
  header.writeUInt32BE(streamId & 0x7fffffff, 0);
  header[4] = flags;
  return Buffer.concat([header, data]);
}

export function streamIdPayload(
  streamId: number,
  rest: Buffer = Buffer.alloc(0),
) {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(streamId & 0x7fffffff);
  return Buffer.concat([id, rest]);
}

/** An uncompressed header block: a count, then length-prefixed names and values. */
export function encodeHeaderBlock(headers: Record<string, string>): Buffer {
  const entries = Object.entries(headers);
  const parts: Buffer[] = [Buffer.alloc(4)];
  parts[0].writeUInt32BE(entries.length);
  for (const [name, value] of entries) {
    for (const text of [name.toLowerCase(), value]) {
      const bytes = Buffer.from(text, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      parts.push(length, bytes);
    }
  }
  return Buffer.concat(parts);
}

/** Header names come lowercased; several values of one name are joined by NUL in SPDY. */
export function decodeHeaderBlock(block: Buffer): Record<string, string> {
  const headers: Record<string, string> = {};
  let offset = 4;
  const count = block.readUInt32BE(0);
  const next = () => {
    const length = block.readUInt32BE(offset);
    const text = block.toString('utf8', offset + 4, offset + 4 + length);
    offset += 4 + length;
    return text;
  };
  for (let i = 0; i < count; i++) {
    const name = next().toLowerCase();
    headers[name] = next().split('\0')[0];
  }
  return headers;
}

/**
 * One direction of SPDY header compression: a single zlib stream for the whole session,
 * sync-flushed after each header block, as the peer keeps one decompressor per session.
 */
export function headerCodec(direction: 'inflate' | 'deflate') {
  const stream =
    direction === 'inflate'
      ? zlib.createInflate({ dictionary: SPDY_DICTIONARY })
      : zlib.createDeflate({ dictionary: SPDY_DICTIONARY });
  const output: Buffer[] = [];
  let failure: Error | undefined;
  // After a zlib error the flush callback never runs, so the pending block is failed here.
  let failPending: ((error: Error) => void) | undefined;
  stream.on('data', chunk => output.push(chunk));
  stream.on('error', error => {
    failure = error;
    failPending?.(error);
  });
  let queue: Promise<unknown> = Promise.resolve();
  return (input: Buffer): Promise<Buffer> => {
    const result = queue.then(
      () =>
        new Promise<Buffer>((resolve, reject) => {
          if (failure) {
            reject(failure);
            return;
          }
          failPending = reject;
          stream.write(input);
          stream.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            failPending = undefined;
            if (failure) reject(failure);
            else resolve(Buffer.concat(output.splice(0)));
          });
        }),
    );
    queue = result.catch(() => undefined);
    return result;
  };
}

import { createHash } from 'node:crypto';
import {
  CONTROL,
  FLAG_FIN,
  SPDY_DICTIONARY,
  SpdyFrameReader,
  controlFrame,
  dataFrame,
  decodeHeaderBlock,
  encodeHeaderBlock,
  headerCodec,
  streamIdPayload,
} from './portForwardSpdyFrames';

describe('SPDY/3.1 framing for port-forward', () => {
  it('builds the SPDY/3 header dictionary byte for byte (1423 bytes, as the draft defines it)', () => {
    expect(SPDY_DICTIONARY.length).toBe(1423);
    expect(SPDY_DICTIONARY.subarray(0, 11)).toEqual(
      Buffer.from([0, 0, 0, 7, ...Buffer.from('options')]),
    );
    expect(SPDY_DICTIONARY.subarray(-6).toString('latin1')).toBe('enq=0.');
    // Digest of an independent copy (spdy-transport's protocol/spdy/dictionary.js); kubectl's
    // zlib reader rejects any other dictionary through the stream's DICTID.
    expect(createHash('sha256').update(SPDY_DICTIONARY).digest('hex')).toBe(
      '51d27341373f923f3cd88e1eb7162aeaa3723d7585ff2399201dc06498407f02',
    );
  });

  it('splits frames that arrive cut across chunks and glued together', () => {
    const bytes = Buffer.concat([
      controlFrame(CONTROL.PING, 0, Buffer.from([0, 0, 0, 1])),
      dataFrame(3, FLAG_FIN, Buffer.from('hello')),
    ]);
    const reader = new SpdyFrameReader();
    expect(reader.push(bytes.subarray(0, 5))).toEqual([]);
    const frames = [
      ...reader.push(bytes.subarray(5, 14)),
      ...reader.push(bytes.subarray(14)),
    ];
    expect(frames).toEqual([
      {
        control: true,
        type: CONTROL.PING,
        flags: 0,
        payload: Buffer.from([0, 0, 0, 1]),
      },
      {
        control: false,
        streamId: 3,
        flags: FLAG_FIN,
        data: Buffer.from('hello'),
      },
    ]);
    expect(bytes.readUInt16BE(0)).toBe(0x8003);
  });

  it('keeps one compression context per direction across header blocks', async () => {
    const deflate = headerCodec('deflate');
    const inflate = headerCodec('inflate');
    const first = { streamtype: 'error', port: '8080', requestid: '0' };
    const second = { streamtype: 'data', port: '8080', requestid: '0' };
    const a = await deflate(encodeHeaderBlock(first));
    const b = await deflate(encodeHeaderBlock(second));
    // The second block leans on the first: alone, it cannot be inflated.
    await expect(headerCodec('inflate')(b)).rejects.toThrow();
    expect(decodeHeaderBlock(await inflate(a))).toEqual(first);
    expect(decodeHeaderBlock(await inflate(b))).toEqual(second);
    expect(streamIdPayload(5).readUInt32BE(0)).toBe(5);
  });
});

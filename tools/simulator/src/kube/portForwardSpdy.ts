import { Duplex } from 'node:stream';
import {
  CONTROL,
  FLAG_FIN,
  RST_PROTOCOL_ERROR,
  SpdyFrame,
  SpdyFrameReader,
  controlFrame,
  dataFrame,
  decodeHeaderBlock,
  encodeHeaderBlock,
  headerCodec,
  streamIdPayload,
} from './portForwardSpdyFrames';
import type { OpenPodPort } from './portForwardAccess';

interface PortForwardStream {
  id: number;
  kind: 'data' | 'error';
  port: number;
  connection?: Duplex;
}

/**
 * Serves kubectl's SPDY port-forward protocol on a byte stream, the way kubelet does: the
 * client opens an `error` and a `data` stream per local connection (same `requestID`, a
 * `port` header); once both exist the pod port is dialled and bytes flow on the data stream;
 * a dial failure is written to the error stream. Both streams are closed when the pod side
 * ends.
 */
export function serveSpdyPortForward(transport: Duplex, open: OpenPodPort) {
  const reader = new SpdyFrameReader();
  const inflate = headerCodec('inflate');
  const deflate = headerCodec('deflate');
  const streams = new Map<number, PortForwardStream>();
  const pairs = new Map<string, { data?: number; error?: number }>();

  let output: Promise<unknown> = Promise.resolve();
  const send = (frame: Buffer | Promise<Buffer>) => {
    output = output
      .then(() => frame)
      .then(bytes => {
        if (!transport.destroyed && transport.writable) transport.write(bytes);
      })
      .catch(() => transport.destroy());
  };
  const finish = (id: number | undefined) => {
    if (id !== undefined) send(dataFrame(id, FLAG_FIN, Buffer.alloc(0)));
  };

  function start(pair: { data?: number; error?: number }) {
    const data = streams.get(pair.data!)!;
    const opened = open(data.port);
    if ('error' in opened) {
      send(dataFrame(pair.error!, 0, Buffer.from(opened.error)));
      finish(pair.error);
      finish(pair.data);
      return;
    }
    data.connection = opened;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      finish(pair.data);
      finish(pair.error);
    };
    opened.on('data', (chunk: Buffer) => send(dataFrame(data.id, 0, chunk)));
    opened.on('end', end);
    opened.on('close', end);
    opened.on('error', () => opened.destroy());
  }

  async function onSynStream(frame: Extract<SpdyFrame, { control: true }>) {
    const id = frame.payload.readUInt32BE(0) & 0x7fffffff;
    const headers = decodeHeaderBlock(
      await inflate(frame.payload.subarray(10)),
    );
    const kind = headers.streamtype;
    const port = Number(headers.port);
    if ((kind !== 'data' && kind !== 'error') || !Number.isInteger(port)) {
      const status = Buffer.alloc(4);
      status.writeUInt32BE(RST_PROTOCOL_ERROR);
      send(controlFrame(CONTROL.RST_STREAM, 0, streamIdPayload(id, status)));
      return;
    }
    send(
      deflate(encodeHeaderBlock({})).then(block =>
        controlFrame(CONTROL.SYN_REPLY, 0, streamIdPayload(id, block)),
      ),
    );
    streams.set(id, { id, kind, port });
    // Clients older than requestID pair the error stream with the data stream after it.
    const key = headers.requestid ?? String(kind === 'error' ? id : id - 2);
    const pair = pairs.get(key) ?? {};
    pair[kind] = id;
    pairs.set(key, pair);
    if (pair.data !== undefined && pair.error !== undefined) start(pair);
  }

  async function onFrame(frame: SpdyFrame) {
    if (!frame.control) {
      const connection = streams.get(frame.streamId)?.connection;
      if (connection && frame.data.length) connection.write(frame.data);
      if (connection && frame.flags & FLAG_FIN) connection.end();
      return;
    }
    switch (frame.type) {
      case CONTROL.SYN_STREAM:
        await onSynStream(frame);
        break;
      case CONTROL.HEADERS:
        // Inflated only to keep the shared decompression context in step.
        await inflate(frame.payload.subarray(4));
        break;
      case CONTROL.RST_STREAM: {
        const id = frame.payload.readUInt32BE(0) & 0x7fffffff;
        streams.get(id)?.connection?.destroy();
        streams.delete(id);
        break;
      }
      case CONTROL.PING:
        send(controlFrame(CONTROL.PING, 0, frame.payload));
        break;
      case CONTROL.GOAWAY:
        transport.end();
        break;
      default:
      // SETTINGS and WINDOW_UPDATE: spdystream does no flow control, nor does kubelet's use.
    }
  }

  let input: Promise<unknown> = Promise.resolve();
  transport.on('data', (chunk: Buffer) => {
    for (const frame of reader.push(chunk)) {
      input = input.then(() => onFrame(frame)).catch(() => transport.destroy());
    }
  });
  transport.on('error', () => transport.destroy());
  transport.on('close', () => {
    for (const stream of streams.values()) stream.connection?.destroy();
  });
}

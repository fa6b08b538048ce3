import WebSocket from 'ws';

/** What a `v4.channel.k8s.io` port-forward client saw: every frame, by channel. */
export interface ChannelSession {
  protocol: string;
  frames: Array<{ channel: number; data: Buffer }>;
  /** Writes to the pod (channel 0, the first port's data channel). */
  write(data: string): void;
  /** Resolves when the server closes the WebSocket, with its close code. */
  closed: Promise<number>;
  close(): void;
}

/** Opens a WebSocket port-forward the way `@kubernetes/client-node` does, or reports the refusal. */
export function openChannelPortForward(options: {
  clusterUrl: string;
  token: string;
  namespace: string;
  pod: string;
  query?: string;
}): Promise<ChannelSession | { status: number; body: any }> {
  const { clusterUrl, token, namespace, pod, query = 'ports=8080' } = options;
  const url = `${clusterUrl.replace(
    /^http/,
    'ws',
  )}/api/v1/namespaces/${namespace}/pods/${pod}/portforward?${query}`;
  const socket = new WebSocket(
    url,
    ['v5.channel.k8s.io', 'v4.channel.k8s.io'],
    {
      headers: { Authorization: `Bearer ${token}` },
      rejectUnauthorized: false,
    },
  );
  const frames: ChannelSession['frames'] = [];
  socket.on('message', (data: Buffer) =>
    frames.push({ channel: data[0], data: data.subarray(1) }),
  );
  const closed = new Promise<number>(resolve =>
    socket.on('close', code => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', chunk => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) }),
      );
    });
    socket.on('error', reject);
    socket.on('open', () =>
      resolve({
        protocol: socket.protocol,
        frames,
        write: data =>
          socket.send(Buffer.concat([Buffer.from([0]), Buffer.from(data)])),
        closed,
        close: () => socket.close(),
      }),
    );
  });
}

/** The bytes the pod sent on a channel, after the 2-byte port prefix. */
export function channelText(session: ChannelSession, channel: number): string {
  const data = Buffer.concat(
    session.frames.filter(f => f.channel === channel).map(f => f.data),
  );
  return data.subarray(2).toString('utf8');
}

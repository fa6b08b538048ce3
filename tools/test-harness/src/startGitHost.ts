import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Git host as the backend's URL reader sees one: files served by path. */
export type GitHost = {
  /** `host:port`, for `backend.reading.allow`. */
  host: string;
  url(file: string): string;
  /** The served files by path; edit one to change what git declares. */
  files: Record<string, string>;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
};

/** Serves `files` (path → text) over HTTP on a free loopback port; 404 for any other path. */
export async function startGitHost(
  files: Record<string, string>,
): Promise<GitHost> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = files[req.url ?? ''];
    res.writeHead(file === undefined ? 404 : 200, {
      'Content-Type': 'text/plain',
    });
    res.end(file ?? 'not found');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: file => `http://127.0.0.1:${port}${file}`,
    files,
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

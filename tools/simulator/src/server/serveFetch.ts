import { IncomingMessage, ServerResponse } from 'node:http';

/** Turns a Node request into a Fetch `Request` on `origin`. */
export async function toFetchRequest(
  req: IncomingMessage,
  origin: string,
): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach(v => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks);
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body,
  });
}

/**
 * Writes a Fetch `Response` to a Node response, streaming the body chunk by chunk (so
 * watch events reach the client as they happen) and cancelling the body when the
 * client goes away (so the watch unsubscribes).
 */
export async function writeFetchResponse(
  response: Response,
  res: ServerResponse,
): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie' || name === 'www-authenticate')
      res.appendHeader(name, value.split(/,\s*(?=[A-Za-z]+ realm=)/));
    else res.setHeader(name, value);
  });
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on('close', () => {
    void reader.cancel().catch(() => {});
  });
  res.flushHeaders();
  for (;;) {
    const { done, value } = await reader
      .read()
      .catch(() => ({ done: true, value: undefined }));
    if (done) break;
    res.write(value);
  }
  res.end();
}

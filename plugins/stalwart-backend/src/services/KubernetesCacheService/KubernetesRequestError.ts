/** A failed request to a Kubernetes API server; `statusCode` is set when the server answered. */
export class KubernetesRequestError extends Error {
  readonly statusCode?: number;

  constructor(message: string, statusCode?: number) {
    super(message);
    this.name = 'KubernetesRequestError';
    this.statusCode = statusCode;
  }

  /** Builds the error from an API server answer, keeping the message of its `Status` body. */
  static fromResponse(
    statusCode: number,
    body: string,
  ): KubernetesRequestError {
    let detail = '';
    try {
      const status = JSON.parse(body);
      if (status?.kind === 'Status' && typeof status.message === 'string') {
        detail = `: ${status.message}`;
      }
    } catch {
      // Not a Status object (a proxy's HTML error page, for example); the code says enough.
    }
    return new KubernetesRequestError(
      `HTTP ${statusCode}${detail}`,
      statusCode,
    );
  }
}

/** Whether trying again could help: network failures, timeouts, throttling, server errors. */
export function isRetryable(error: unknown): boolean {
  const statusCode = (error as { statusCode?: number }).statusCode;
  return statusCode === undefined || statusCode === 429 || statusCode >= 500;
}

import { waitFor } from '@stalwart-backstage/test-harness';

/** The finished state of a scaffolder task, read through the REST API. */
export interface FinishedTask {
  status: 'completed' | 'failed' | 'cancelled';
  output: Record<string, any>;
  /** The error of the step that failed, as its log shows it (without the stack). */
  error?: string;
}

/** A thin client for the scaffolder's REST API, signed in as one user. */
export function scaffolderClient(baseUrl: string, token: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/scaffolder${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  return {
    createTask: (values: Record<string, unknown>) =>
      call('POST', '/v2/tasks', {
        templateRef: 'template:default/stalwart-instance',
        values,
      }),
    dryRun: (body: Record<string, unknown>) =>
      call('POST', '/v2/dry-run', body),

    async waitForTask(id: string): Promise<FinishedTask> {
      const task = await waitFor(
        `task ${id} to finish`,
        async () => {
          const { body } = await call('GET', `/v2/tasks/${id}`);
          return ['completed', 'failed', 'cancelled'].includes(body.status)
            ? body
            : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 300 },
      );
      const { body: events } = await call('GET', `/v2/tasks/${id}/events`);
      const completion = (events as any[]).find(e => e.type === 'completion');
      const failedStep = (events as any[]).find(
        e => e.type === 'log' && e.body?.status === 'failed',
      );
      return {
        status: task.status,
        output: completion?.body?.output ?? {},
        error: failedStep?.body?.message?.split(/\n\s+at /)[0],
      };
    },
  };
}

import {
  templateDefaults,
  type JsonSchema,
} from '@stalwart-backstage/test-harness';
/** One template task run end to end through the scaffolder REST API. */
export interface ScaffolderResult {
  measured: boolean;
  reason?: string;
  templateRef: string;
  taskId?: string;
  status?: string;
  /** From `POST /v2/tasks` to the task's final status. */
  seconds?: number;
}

export const TEMPLATE_REF = 'template:default/stalwart-instance';
const TASK_TIMEOUT_MS = 180_000;
const POLL_MS = 250;

/**
 * Runs `template:default/stalwart-instance` once. When the template is not registered, says so
 * rather than measuring something else.
 */
export async function measureScaffolderTask(options: {
  baseUrl: string;
  token: string;
}): Promise<ScaffolderResult> {
  const { baseUrl, token } = options;
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
  const notMeasured = (reason: string): ScaffolderResult => ({
    measured: false,
    reason,
    templateRef: TEMPLATE_REF,
  });

  const templateRes = await fetch(
    `${baseUrl}/api/catalog/entities/by-name/template/default/stalwart-instance`,
    { headers },
  );
  if (templateRes.status === 404) {
    return notMeasured(
      `${TEMPLATE_REF} is not registered in the catalog (templates/stalwart-instance has not landed or is not in catalog.locations)`,
    );
  }
  if (!templateRes.ok) {
    return notMeasured(`the catalog answered ${templateRes.status}`);
  }
  const template = (await templateRes.json()) as {
    spec?: { parameters?: JsonSchema | JsonSchema[] };
  };
  const name = `bench-${Date.now().toString(36)}`;
  const values = {
    ...templateDefaults(template.spec?.parameters),
    name,
    hostname: `${name}.example.com`,
  };

  const started = performance.now();
  const created = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ templateRef: TEMPLATE_REF, values }),
  });
  if (created.status !== 201 && created.status !== 200) {
    return notMeasured(
      `POST /v2/tasks answered ${created.status}: ${(
        await created.text()
      ).slice(0, 300)}`,
    );
  }
  const { id } = (await created.json()) as { id: string };
  const deadline = started + TASK_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const res = await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}`, {
      headers,
    });
    const task = (await res.json()) as { status?: string };
    if (task.status && !['open', 'processing'].includes(task.status)) {
      const seconds = Math.round(performance.now() - started) / 1000;
      if (task.status === 'completed') {
        return {
          measured: true,
          templateRef: TEMPLATE_REF,
          taskId: id,
          status: task.status,
          seconds,
        };
      }
      return {
        ...notMeasured(
          `the task ended ${task.status} after ${seconds} s: ${await lastError(
            baseUrl,
            id,
            headers,
          )}`,
        ),
        taskId: id,
        status: task.status,
      };
    }
    await new Promise(r => setTimeout(r, POLL_MS));
  }
  return {
    ...notMeasured(
      `the task did not finish within ${TASK_TIMEOUT_MS / 1000} s`,
    ),
    taskId: id,
  };
}

/** The last error message in a task's event log. */
async function lastError(
  baseUrl: string,
  id: string,
  headers: Record<string, string>,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}/events`, {
    headers,
  });
  if (!res.ok) return `(events answered ${res.status})`;
  const events = (await res.json()) as Array<{
    body?: { message?: string; error?: { message?: string } };
  }>;
  const messages = events
    .map(e => e.body?.error?.message ?? e.body?.message)
    .filter(Boolean);
  return String(messages[messages.length - 1] ?? 'no message').slice(0, 300);
}

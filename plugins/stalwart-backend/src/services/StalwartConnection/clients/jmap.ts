import { StalwartApiError } from '../errors/StalwartApiError';
import type { PodTransport } from '../http/PodTransport';
import { pickStrings, readJsonAnswer } from '../http/readAnswer';

/** `x:<Type>/set` arguments; updates are JSON-pointer patches (stalwart-v016.md §1 Set). */
export interface JmapSetArgs {
  create?: Record<string, Record<string, unknown>>;
  update?: Record<string, Record<string, unknown>>;
  destroy?: string[];
}

/** Why one object was not created, updated or destroyed (`validationFailed`, `invalidPatch`…). */
export interface JmapSetError {
  type: string;
  description?: string;
  properties?: string[];
}

export interface JmapSetResult {
  created?: Record<string, { id: string } & Record<string, unknown>>;
  updated?: Record<string, Record<string, unknown> | null>;
  destroyed?: string[];
  notCreated?: Record<string, JmapSetError>;
  notUpdated?: Record<string, JmapSetError>;
  notDestroyed?: Record<string, JmapSetError>;
}

const USING = ['urn:ietf:params:jmap:core', 'urn:stalwart:jmap'];

/**
 * One `POST /jmap` with the given method calls (call ids `c0`, `c1`, …), returning each
 * method's arguments in order. A request-level problem (400 problem+json `notJSON`,
 * `unknownCapability`…) and a method-level `["error", {type}]` both become typed errors.
 */
export async function callJmap(
  transport: PodTransport,
  calls: Array<[string, Record<string, unknown>]>,
  idempotent: boolean,
): Promise<Array<Record<string, any>>> {
  const { target } = transport;
  const response = await transport.send({
    method: 'POST',
    path: '/jmap',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      using: USING,
      methodCalls: calls.map(([name, args], i) => [name, args, `c${i}`]),
    }),
    idempotent,
  });
  const json = readJsonAnswer(response, target) as any;
  const responses = json?.methodResponses;
  if (!Array.isArray(responses)) {
    throw new StalwartApiError({
      reason: 'malformed-response',
      message: 'The JMAP answer has no methodResponses',
      target,
      upstreamStatus: 200,
    });
  }
  return calls.map(([name], i) => {
    const answer = responses.find(
      (r: unknown) => Array.isArray(r) && r[2] === `c${i}`,
    );
    if (!answer || typeof answer[1] !== 'object' || answer[1] === null) {
      throw new StalwartApiError({
        reason: 'malformed-response',
        message: `The JMAP answer has no result for ${name}`,
        target,
        upstreamStatus: 200,
      });
    }
    if (answer[0] === 'error') {
      throw new StalwartApiError({
        reason: 'method-error',
        message: `Stalwart refused ${name}: ${String(answer[1].type)}`,
        target,
        upstreamStatus: 200,
        details: pickStrings(answer[1], ['type', 'description']),
      });
    }
    return answer[1];
  });
}

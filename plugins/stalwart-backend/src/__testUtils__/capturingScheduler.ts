import type {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';

type ScheduledTask = SchedulerServiceTaskScheduleDefinition &
  SchedulerServiceTaskInvocationDefinition;

/** A scheduler that only records the tasks scheduled, for a test to run one when it wants. */
export function capturingScheduler() {
  const tasks = new Map<string, ScheduledTask>();
  return {
    factory: mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.set(task.id, task);
      },
    }).factory,
    task: (id: string) => tasks.get(id),
    run: (id: string) => tasks.get(id)!.fn(new AbortController().signal),
  };
}

import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Validates a query or body, throwing an InputError that names each field and its rule. */
export function parseInput<T>(
  schema: z.ZodType<T>,
  value: unknown,
  where: string,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InputError(
    `Invalid ${where}: ${parsed.error.issues
      .map(i => `${i.path.length ? i.path.join('.') : where} ${i.message}`)
      .join('; ')}`,
  );
}

import type { z as zod } from 'zod/v3';

export const filesOutput = (z: typeof zod) =>
  z
    .array(z.string())
    .describe('The files written, relative to the workspace, sorted.');

export const pathOutput = (z: typeof zod) =>
  z
    .string()
    .describe(
      'The workspace folder the files were written to (the instance folder).',
    );

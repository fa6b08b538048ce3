#!/usr/bin/env node
// Runs a TypeScript benchmark the way bin/stalwart-gitops runs the CLI.
require('@backstage/cli/config/nodeTransform.cjs');
require(require('node:path').resolve(
  __dirname,
  process.argv[2] ?? 'render.bench.ts',
));

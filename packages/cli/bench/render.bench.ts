import {
  CHART_FLAVOR_IDS,
  exampleInstanceSpec,
  parseInstanceSpec,
  renderInstance,
} from '@stalwart-backstage/plugin-stalwart-charts';

/** Parse + render of one spec, as the CLI and the scaffolder do it. */
function renderOnce(input: unknown) {
  const result = parseInstanceSpec(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return renderInstance(result.spec, { owner: 'group:default/mail' });
}

async function main() {
  const inputs = Array.from({ length: 1000 }, (_, i) => {
    const chart = CHART_FLAVOR_IDS[i % CHART_FLAVOR_IDS.length];
    const engine = i % 2 ? 'argocd' : 'flux';
    const provider = (
      ['existing', 'external-secrets', 'sealed-secrets'] as const
    )[i % 3];
    return exampleInstanceSpec(chart, engine, provider, `mail-${i}`);
  });

  for (let i = 0; i < 50; i++) await renderOnce(inputs[i % inputs.length]);

  const singles: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    await renderOnce(inputs[i]);
    singles.push(performance.now() - start);
  }
  singles.sort((a, b) => a - b);
  const median = singles[Math.floor(singles.length / 2)];
  const p95 = singles[Math.floor(singles.length * 0.95)];

  const batchStart = performance.now();
  for (const input of inputs) await renderOnce(input);
  const batch = performance.now() - batchStart;

  const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER TARGET');
  process.stdout.write(
    [
      `one instance after warm-up: median ${median.toFixed(
        2,
      )} ms, p95 ${p95.toFixed(2)} ms (target median < 20 ms: ${verdict(
        median < 20,
      )})`,
      `1,000 instances: ${(batch / 1000).toFixed(2)} s (target < 5 s: ${verdict(
        batch < 5000,
      )})`,
      '',
    ].join('\n'),
  );
  // Figures are reported, not enforced: on a shared machine timings are noise, and the exit
  // code only says whether the benchmark itself ran (yarn bench reads it that way).
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});

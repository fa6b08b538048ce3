import { parseBenchArgs, UsageError } from './options';

const outDir = (profile: string) => `/out/${profile}`;

describe('parseBenchArgs', () => {
  it('runs the full benchmark of issue 9 by default and writes the docs', () => {
    const options = parseBenchArgs([], outDir);
    expect(options).toMatchObject({
      profile: 'full',
      backend: 'built',
      sizes: [10, 100, 1000, 5000],
      clusters: 3,
      latencyMs: 20,
      load: { viewers: 50, intervalMs: 10_000, durationMs: 60_000 },
      scripts: true,
      writeDocs: true,
      outDir: '/out/full',
    });
  });

  it('keeps --quick to N = 10 and 100 at the full run’s request rate, without touching the docs', () => {
    const options = parseBenchArgs(['--quick'], outDir);
    expect(options).toMatchObject({
      profile: 'quick',
      // The smoke test starts the backend the way the full run does.
      backend: 'built',
      sizes: [10, 100],
      load: { viewers: 50, intervalMs: 10_000, durationMs: 10_000 },
      scripts: false,
      writeDocs: false,
      outDir: '/out/quick',
    });
  });

  it('measures no noise unless --noise asks for N unrelated objects per cluster', () => {
    expect(parseBenchArgs(['--quick'], outDir).noise).toBe(0);
    expect(parseBenchArgs(['--quick', '--noise', '20000'], outDir).noise).toBe(
      20_000,
    );
    expect(() => parseBenchArgs(['--noise', 'lots'], outDir)).toThrow(
      /--noise must be an integer >= 0, got "lots"/,
    );
  });

  it('takes sizes, latency and the viewer load from the command line', () => {
    const options = parseBenchArgs(
      [
        '--sizes',
        '10, 1000',
        '--latency-ms',
        '0',
        '--viewer-interval-s',
        '5',
        '--no-scaffolder',
        '--out',
        '/tmp/x',
      ],
      outDir,
    );
    expect(options).toMatchObject({
      sizes: [10, 1000],
      latencyMs: 0,
      load: { viewers: 50, intervalMs: 5_000, durationMs: 60_000 },
      scaffolder: false,
      outDir: '/tmp/x',
      // Results written elsewhere must not rewrite the committed doc.
      writeDocs: false,
    });
  });

  it('runs the backend from its sources in development mode on request, and refuses other modes', () => {
    expect(parseBenchArgs(['--backend', 'sources'], outDir).backend).toBe(
      'sources',
    );
    expect(() => parseBenchArgs(['--backend', 'dev'], outDir)).toThrow(
      /--backend must be built or sources, got "dev"/,
    );
  });

  it('names the option and the rule when a value is wrong', () => {
    expect(() => parseBenchArgs(['--sizes', '10,ten'], outDir)).toThrow(
      /--sizes must be an integer >= 1, got "ten"/,
    );
    expect(() => parseBenchArgs(['--latency-ms', '-1'], outDir)).toThrow(
      UsageError,
    );
    expect(() => parseBenchArgs(['--bogus'], outDir)).toThrow(UsageError);
  });
});

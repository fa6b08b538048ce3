/** An injected failure: requests whose path matches answer `status` with probability `rate`. */
export interface FaultRule {
  /** A regular expression tested against the request path (cluster prefix included). */
  path: string;
  status: number;
  /** 0..1, default 1. */
  rate?: number;
}

/** Latency and error injection, deterministic for a given seed. */
export class Faults {
  private rules: Array<FaultRule & { regex: RegExp }> = [];
  private latency: Array<{ regex: RegExp; ms: number }> = [];
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0 || 1;
  }

  // mulberry32: a tiny seeded PRNG, so fault tests are repeatable.
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  addFault(rule: FaultRule): void {
    this.rules.push({ ...rule, regex: new RegExp(rule.path) });
  }

  setLatency(ms: number, path = '.*'): void {
    this.latency = this.latency.filter(
      l => l.regex.source !== new RegExp(path).source,
    );
    if (ms > 0) this.latency.push({ regex: new RegExp(path), ms });
  }

  clear(): void {
    this.rules = [];
    this.latency = [];
  }

  delayFor(path: string): number {
    return this.latency
      .filter(l => l.regex.test(path))
      .reduce((sum, l) => sum + l.ms, 0);
  }

  /** The status to fail this request with, if a rule fires. */
  failureFor(path: string): number | undefined {
    for (const rule of this.rules) {
      if (rule.regex.test(path) && this.random() < (rule.rate ?? 1))
        return rule.status;
    }
    return undefined;
  }
}

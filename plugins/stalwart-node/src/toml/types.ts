/**
 * A Stalwart configuration flattened the way the server holds it: dotted keys in
 * byte order, every value kept as the literal text it was written with.
 *
 * @public
 */
export type FlatConfig = Record<string, string>;

/**
 * Raised when a config.toml would make Stalwart refuse to start.
 *
 * @public
 */
export class StalwartTomlError extends Error {
  /** The 1-based line Stalwart's parser was on when it gave up. */
  readonly line: number;

  constructor(message: string, line: number) {
    super(`${message} at line ${line}`);
    this.name = 'StalwartTomlError';
    this.line = line;
  }
}

import { FlatConfig } from './types';
import { compareConfigKeys } from './sortFlatConfig';

// Rust's `str::parse::<f64>()` grammar: these values are written without quotes.
const RUST_FLOAT =
  /^[+-]?(?:inf|infinity|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/i;

const utf8Length = (value: string) => new TextEncoder().encode(value).length;

function formatValue(value: string): string {
  if (value === 'true' || value === 'false' || RUST_FLOAT.test(value)) {
    return value;
  }
  const needsEscape = /["\\]/.test(value);
  const hasLineFeed = value.includes('\n');
  if (hasLineFeed || (utf8Length(value) > 50 && needsEscape)) {
    return `'''${value}'''`;
  }
  return `"${needsEscape ? value.replace(/["\\]/g, '\\$&') : value}"`;
}

/**
 * Renders a flat config the way Stalwart rewrites its config.toml after an API write
 * to a local key: sorted flat `key = value` lines, comments and tables gone.
 *
 * @public
 */
export function writeStalwartToml(config: FlatConfig): string {
  return Object.keys(config)
    .sort(compareConfigKeys)
    .map(key => `${key} = ${formatValue(config[key])}\n`)
    .join('');
}

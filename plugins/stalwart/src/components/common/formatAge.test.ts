import { formatAge, secondsSince } from './formatAge';

describe('formatAge', () => {
  it.each([
    [0, '0 s'],
    [59.4, '59 s'],
    [60, '1 min'],
    [12 * 60 + 30, '12 min'],
    [3 * 3600 + 5, '3 h'],
    [2 * 86400 + 7200, '2 d'],
    [-5, '0 s'],
  ])('says %p seconds as %p', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });

  it('measures the seconds since a timestamp', () => {
    expect(
      secondsSince('2026-09-15T12:00:00Z', Date.parse('2026-09-15T12:12:00Z')),
    ).toBe(720);
  });
});

import { coalescePerFrame } from './coalescePerFrame';

describe('coalescePerFrame', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once in the next frame however many times it is called', () => {
    const run = jest.fn();
    const call = coalescePerFrame(run);
    for (let i = 0; i < 5000; i++) call();
    expect(run).not.toHaveBeenCalled();
    jest.advanceTimersByTime(20);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs again in a later frame when called after the first run', () => {
    const run = jest.fn();
    const call = coalescePerFrame(run);
    call();
    jest.advanceTimersByTime(20);
    call();
    call();
    jest.advanceTimersByTime(20);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does not run once cancelled, so an unmounted page sets no state', () => {
    const run = jest.fn();
    const call = coalescePerFrame(run);
    call();
    call.cancel();
    jest.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
  });
});

import { textDiff } from './textDiff';

describe('textDiff', () => {
  it('isolates an appended part after the shared prefix', () => {
    expect(textDiff('[::]:25', '[::]:2525')).toEqual({
      prefix: '[::]:25',
      before: '',
      after: '25',
      suffix: '',
    });
  });

  it('isolates a changed middle between a shared prefix and suffix', () => {
    expect(textDiff('mail.example.com', 'mx.example.com')).toEqual({
      prefix: 'm',
      before: 'ail',
      after: 'x',
      suffix: '.example.com',
    });
  });

  it('never counts a character as both prefix and suffix', () => {
    expect(textDiff('aa', 'aaa')).toEqual({
      prefix: 'aa',
      before: '',
      after: 'a',
      suffix: '',
    });
  });

  it('marks the whole text changed when nothing is shared', () => {
    expect(textDiff('on', 'off').before).toBe('n');
    expect(textDiff('abc', 'xyz')).toEqual({
      prefix: '',
      before: 'abc',
      after: 'xyz',
      suffix: '',
    });
  });
});

import { escapeLike, LIKE_ESCAPE } from './like.js';

describe('escapeLike', () => {
  it('escapes the wildcards and the escape character, nothing else', () => {
    expect(escapeLike('a_c')).toBe('a\\_c');
    expect(escapeLike('100%')).toBe('100\\%');
    expect(escapeLike('back\\slash')).toBe('back\\\\slash');
    expect(escapeLike('plain text.')).toBe('plain text.');
    expect(LIKE_ESCAPE).toBe("ESCAPE '\\'");
  });
});

// Entity-tags and If-None-Match as RFC 9110 §8.8.3 and §13.1.2 define them, without a server.
import { describe, expect, it } from 'vitest';
import {
  formatEntityTag,
  notModified,
  parseEntityTag,
  parseIfNoneMatch,
} from '../../../src/http/plugins/conditional-get.js';

describe('parseEntityTag', () => {
  it('reads strong and weak entity-tags, the opaque-tag keeping its quotes', () => {
    expect(parseEntityTag('"abc"')).toEqual({ weak: false, opaque: '"abc"' });
    expect(parseEntityTag('W/"abc"')).toEqual({ weak: true, opaque: '"abc"' });
    expect(parseEntityTag('""')).toEqual({ weak: false, opaque: '""' });
    expect(parseEntityTag('"a,b/c"')).toEqual({ weak: false, opaque: '"a,b/c"' });
  });

  it('refuses what is not an entity-tag', () => {
    for (const text of [
      'abc',
      '"abc',
      'abc"',
      'w/"abc"',
      'W/abc',
      'W/ "abc"',
      '"a"b"',
      '"a b"',
      '"p/"abc""',
      '*',
      '',
    ]) {
      expect(parseEntityTag(text), text).toBeUndefined();
    }
  });
});

describe('formatEntityTag', () => {
  it('writes a strong or weak entity-tag that reads back', () => {
    expect(formatEntityTag('p-12ab', false)).toBe('"p-12ab"');
    expect(formatEntityTag('p-12ab', true)).toBe('W/"p-12ab"');
    expect(parseEntityTag(formatEntityTag('x', true))).toEqual({ weak: true, opaque: '"x"' });
  });

  it('throws on a character an opaque-tag cannot hold', () => {
    expect(() => formatEntityTag('a"b', false)).toThrow();
    expect(() => formatEntityTag('a b', true)).toThrow();
  });
});

describe('parseIfNoneMatch', () => {
  it('reads `*` alone, with optional whitespace', () => {
    expect(parseIfNoneMatch('*')).toBe('*');
    expect(parseIfNoneMatch(' \t* ')).toBe('*');
  });

  it('reads a comma-separated list with optional whitespace and empty members', () => {
    expect(parseIfNoneMatch('"a",W/"b" ,\t"c", ,')).toEqual([
      { weak: false, opaque: '"a"' },
      { weak: true, opaque: '"b"' },
      { weak: false, opaque: '"c"' },
    ]);
  });

  it('does not split an opaque-tag at a comma inside it', () => {
    expect(parseIfNoneMatch('"a,b", "c"')).toEqual([
      { weak: false, opaque: '"a,b"' },
      { weak: false, opaque: '"c"' },
    ]);
  });

  it('leaves out malformed members, and a `*` among others', () => {
    expect(parseIfNoneMatch('abc, w/"x", *, "ok", "open')).toEqual([{ weak: false, opaque: '"ok"' }]);
    expect(parseIfNoneMatch('')).toEqual([]);
  });
});

describe('notModified', () => {
  const strong = '"abc"';
  const weak = 'W/"abc"';

  it('is false without the header', () => {
    expect(notModified(undefined, strong)).toBe(false);
  });

  it('matches the same entity-tag, strong or weak', () => {
    expect(notModified(strong, strong)).toBe(true);
    expect(notModified(weak, weak)).toBe(true);
  });

  it('compares weakly both ways: a weak validator and a strong ETag, a strong validator and a weak ETag', () => {
    expect(notModified(weak, strong)).toBe(true);
    expect(notModified(strong, weak)).toBe(true);
  });

  it('matches any member of a list', () => {
    expect(notModified(`"x", ${weak}`, strong)).toBe(true);
    expect(notModified(`"x",${strong}`, weak)).toBe(true);
    expect(notModified('"x", "y"', strong)).toBe(false);
  });

  it('matches `*` whatever the ETag', () => {
    expect(notModified('*', strong)).toBe(true);
    expect(notModified('*', weak)).toBe(true);
  });

  it('does not match another opaque-tag, nor malformed members naming this one', () => {
    expect(notModified('"abcd"', strong)).toBe(false);
    expect(notModified('abc', strong)).toBe(false);
    expect(notModified('w/"abc"', strong)).toBe(false);
    expect(notModified('"abc', strong)).toBe(false);
    expect(notModified('"x", *', strong)).toBe(false);
    expect(notModified('', strong)).toBe(false);
  });
});

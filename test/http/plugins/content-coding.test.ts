// Accept-Encoding negotiation as RFC 9110 §12.5.3 defines it, without a server.
import { describe, expect, it } from 'vitest';
import { negotiateContentCoding } from '../../../src/http/plugins/content-coding.js';

const both = ['gzip', 'identity'] as const;
const identityOnly = ['identity'] as const;

describe('negotiateContentCoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'gzip'],
    ['GZIP', 'gzip'],
    ['Gzip;Q=0.5', 'gzip'],
    ['x-gzip', 'gzip'],
    ['X-GZIP;q=0.8, identity;q=0.5', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['gzip;q=0.000', 'identity'],
    ['gzip;Q=0', 'identity'],
    ['gzip;q=0, identity', 'identity'],
    ['gzip;q=0, *', 'identity'],
    ['x-gzip;q=0, *', 'identity'],
    ['br;q=1, gzip;q=0.5', 'gzip'],
    ['br', 'identity'],
    ['deflate;q=0.2, gzip;q=0.5', 'gzip'],
    ['gzip;q=0.5, identity;q=0.8', 'identity'],
    ['identity;q=0.3, gzip;q=0.4', 'gzip'],
    ['*', 'gzip'],
    ['*;q=0, identity', 'identity'],
    ['*;q=0, gzip', 'gzip'],
    ['identity;q=0, *', 'gzip'],
    ['identity;q=0', undefined],
    ['*;q=0', undefined],
    ['gzip;q=0, identity;q=0', undefined],
    ['gzip;q=0, *;q=0', undefined],
    ['br, *;q=0', undefined],
    ['  gzip ;  q=0.5 , identity;q=0', 'gzip'],
    ['garbage;;;,,"x', 'identity'],
  ])('%j with gzip and identity -> %s', (header, want) => {
    expect(negotiateContentCoding(header, both)).toBe(want);
  });

  it.each([
    [undefined, 'identity'],
    ['gzip', 'identity'],
    ['gzip;q=0', 'identity'],
    ['identity;q=0', undefined],
    ['*;q=0', undefined],
    ['gzip, *;q=0', undefined],
    ['*;q=0, identity;q=0.1', 'identity'],
  ])('%j with identity alone -> %s', (header, want) => {
    expect(negotiateContentCoding(header, identityOnly)).toBe(want);
  });

  it('reads x-gzip only as a whole coding', () => {
    expect(negotiateContentCoding('x-gzipped', both)).toBe('identity');
    expect(negotiateContentCoding('ax-gzip', both)).toBe('identity');
  });
});

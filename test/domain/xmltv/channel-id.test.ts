import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelIdFor,
  isValidXmltvChannelId,
  slugify,
  uniqueChannelIds,
} from '../../../src/domain/xmltv/channel-id.js';
import { fnv1a32 } from '../../../src/domain/hash.js';

const slot = (family: string | null, n: number | null) => ({ family, slot: n });

describe('channelIdFor', () => {
  it('builds the id from family, zero-padded slot and provider', () => {
    expect(channelIdFor(slot('NBA', 1), { tvgId: '', name: 'NBA 01: Lakers vs Celtics' }, 'acme')).toBe(
      'nba-01.acme',
    );
    expect(channelIdFor(slot('ESPN+', 45), { tvgId: 'x', name: 'ESPN+ 45' }, 'acme')).toBe(
      'espn-plus-45.acme',
    );
    expect(channelIdFor(slot('NFL Game Pass', 123), { tvgId: '', name: '' }, 'acme')).toBe(
      'nfl-game-pass-123.acme',
    );
  });

  it('keeps the id when the event text of the name changes', () => {
    const before = channelIdFor(slot('NHL', 7), { tvgId: '', name: 'NHL 07: Bruins at Leafs 7 PM' }, 'acme');
    const after = channelIdFor(slot('NHL', 7), { tvgId: '', name: 'NHL 07: Oilers vs Flames 9 PM' }, 'acme');
    expect(after).toBe(before);
  });

  it('keeps a tvg-id that is already a valid XMLTV id, so the provider playlist still matches', () => {
    expect(channelIdFor(slot(null, null), { tvgId: 'ESPN.us', name: 'ESPN' }, 'acme')).toBe('ESPN.us');
  });

  it('cleans any other tvg-id and scopes it to the provider', () => {
    expect(channelIdFor(slot(null, null), { tvgId: 'Sky Sports+ 1', name: 'x' }, 'acme')).toBe(
      'Sky-Sports-1.acme',
    );
    expect(channelIdFor(slot(null, null), { tvgId: 'Fútbol', name: 'x' }, 'acme')).toBe('Futbol.acme');
  });

  it('falls back to a hash of the name, stable for the same name and different for another', () => {
    const a = channelIdFor(slot(null, null), { tvgId: '', name: 'Some Channel' }, 'acme');
    expect(a).toMatch(/^ch-[0-9a-f]{8}\.acme$/);
    expect(channelIdFor(slot(null, null), { tvgId: ' ', name: 'Some Channel' }, 'acme')).toBe(a);
    expect(channelIdFor(slot(null, null), { tvgId: '', name: 'Other Channel' }, 'acme')).not.toBe(a);
  });

  it('always produces an id tv_validate_file accepts, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string()),
        fc.option(fc.nat({ max: 100_000 })),
        fc.string(),
        fc.string(),
        fc.stringMatching(/^[a-z0-9-]{1,40}$/),
        (family, n, tvgId, name, provider) => {
          const id = channelIdFor(slot(family, n), { tvgId, name }, provider);
          expect(isValidXmltvChannelId(id)).toBe(true);
        },
      ),
    );
  });
});

describe('uniqueChannelIds', () => {
  it('suffixes later duplicates and leaves first occurrences alone', () => {
    expect(uniqueChannelIds(['nba-01.acme', 'nba-01.acme', 'ESPN.us', 'nba-01.acme'])).toEqual([
      'nba-01.acme',
      'nba-01-2.acme',
      'ESPN.us',
      'nba-01-3.acme',
    ]);
  });

  it('skips a suffix another channel already has', () => {
    expect(uniqueChannelIds(['a.x', 'a.x', 'a-2.x'])).toEqual(['a.x', 'a-3.x', 'a-2.x']);
  });

  it('returns unique valid ids of the same length for any list', () => {
    const ids = fc.constantFrom('a.x', 'a-2.x', 'b.x', 'nba-01.acme', 'nba-01-2.acme');
    fc.assert(
      fc.property(fc.array(ids, { maxLength: 30 }), (list) => {
        const out = uniqueChannelIds(list);
        expect(out).toHaveLength(list.length);
        expect(new Set(out).size).toBe(out.length);
        expect(out.every(isValidXmltvChannelId)).toBe(true);
      }),
    );
  });
});

describe('uniqueChannelIds as stated', () => {
  it('gives each later duplicate the lowest suffix from 2 that is neither in the list nor given out', () => {
    const stated = (ids: readonly string[]) => {
      const given: string[] = [];
      for (const id of ids) {
        if (!given.includes(id)) {
          given.push(id);
          continue;
        }
        const [head = '', ...rest] = id.split('.');
        const tail = rest.length > 0 ? `.${rest.join('.')}` : '';
        let n = 2;
        while (ids.includes(`${head}-${n}${tail}`) || given.includes(`${head}-${n}${tail}`)) n++;
        given.push(`${head}-${n}${tail}`);
      }
      return given;
    };
    const ids = fc.constantFrom('a.x', 'a-2.x', 'a-3.x', 'b.x', 'a-2-2.x', 'nba-01.acme', 'nba-01-3.acme');
    fc.assert(
      fc.property(fc.array(ids, { maxLength: 60 }), (list) => {
        expect(uniqueChannelIds(list)).toEqual(stated(list));
      }),
      { numRuns: 500 },
    );
  });
});

describe('helpers', () => {
  it('computes FNV-1a 32 test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('slugifies symbols and accents', () => {
    expect(slugify('ESPN+')).toBe('espn-plus');
    expect(slugify('Fútbol & Más')).toBe('futbol-and-mas');
    expect(slugify('★')).toBe('');
  });
});

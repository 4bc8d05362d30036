import { describe, expect, it } from 'vitest';
import { channelFingerprint, matchDay } from '../../../src/domain/matching/fingerprint.js';
import { channel } from './helpers.js';

const ctx = { now: new Date('2026-11-25T17:00:00Z'), timeZone: 'America/New_York' };

describe('channelFingerprint', () => {
  it('keys on family, slot and payload, ignoring case, accents, punctuation and spacing', () => {
    const a = channelFingerprint(
      channel({ family: 'ESPN+', slot: 12, payload: 'Duke @ Kansas 7PM ET' }),
      ctx,
    );
    const b = channelFingerprint(
      channel({ family: 'Espn +', slot: 12, payload: 'duke  @ KANSAS 7pm et' }),
      ctx,
    );
    expect(a.key).toBe(b.key);
    expect(a.key).toBe('espn+|12|duke kansas 7pm et');
    const accents = channelFingerprint(
      channel({ family: 'UCL', slot: 2, payload: 'Atlético – Bodø/Glimt' }),
      ctx,
    );
    expect(accents.payload).toBe('atletico bodo glimt');
  });

  it('tells apart another slot, another family and another event', () => {
    const base = channelFingerprint(
      channel({ family: 'NBA', slot: 1, payload: 'Lakers vs Celtics' }),
      ctx,
    ).key;
    expect(
      channelFingerprint(channel({ family: 'NBA', slot: 2, payload: 'Lakers vs Celtics' }), ctx).key,
    ).not.toBe(base);
    expect(
      channelFingerprint(channel({ family: 'NHL', slot: 1, payload: 'Lakers vs Celtics' }), ctx).key,
    ).not.toBe(base);
    expect(
      channelFingerprint(channel({ family: 'NBA', slot: 1, payload: 'Lakers vs Nets' }), ctx).key,
    ).not.toBe(base);
  });

  it('identifies a name without a slot by the whole name', () => {
    const f = channelFingerprint(
      channel({ name: 'Lakers vs Celtics 7:30 PM', family: null, slot: null }),
      ctx,
    );
    expect(f.key).toBe('||lakers vs celtics 7 30 pm');
  });
});

describe('matchDay', () => {
  it('is the date the name writes', () => {
    expect(matchDay(channel({ date: '2026-11-27' }), ctx)).toBe('2026-11-27');
  });

  it('is the provider-local day of the start, not the UTC one', () => {
    // 11:30 PM in New York is 04:30Z the next day.
    expect(matchDay(channel({ at: '2026-11-26T04:30:00Z' }), ctx)).toBe('2026-11-25');
  });

  it('is today in the provider zone when the name has no time', () => {
    expect(matchDay(channel({}), { ...ctx, now: new Date('2026-11-26T03:00:00Z') })).toBe('2026-11-25');
    expect(
      matchDay(channel({}), { ...ctx, timeZone: 'Europe/London', now: new Date('2026-11-26T03:00:00Z') }),
    ).toBe('2026-11-26');
  });
});

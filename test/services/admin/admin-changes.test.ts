import { describe, expect, it } from 'vitest';
import { createAdminChanges, type ProviderKeeper } from '../../../src/services/admin/admin-changes.js';

/** A keeper that writes down what it was told to forget. */
function recordingKeeper(log: string[], name: string): ProviderKeeper {
  return {
    invalidate: (slug) => log.push(`${name} forgets ${slug}`),
    invalidateAll: () => log.push(`${name} forgets every provider`),
  };
}

describe('what an admin change resets', () => {
  it('makes every keeper on this instance forget the provider, then tells the other instances', () => {
    const log: string[] = [];
    const changes = createAdminChanges({
      keepers: [recordingKeeper(log, 'rows'), undefined, recordingKeeper(log, 'guides')],
      announce: (slug) => log.push(`announce ${slug ?? 'all'}`),
    });
    changes.providerChanged('acme');
    expect(log).toEqual(['rows forgets acme', 'guides forgets acme', 'announce acme']);
  });

  it('makes every keeper forget every provider after a change that serves them all', () => {
    const log: string[] = [];
    const changes = createAdminChanges({
      keepers: [recordingKeeper(log, 'rows'), recordingKeeper(log, 'guides')],
      announce: (slug) => log.push(`announce ${slug ?? 'all'}`),
    });
    changes.everyProviderChanged();
    expect(log).toEqual(['rows forgets every provider', 'guides forgets every provider', 'announce all']);
  });

  it('forgets without announcing again what another instance announced', () => {
    const log: string[] = [];
    const changes = createAdminChanges({
      keepers: [recordingKeeper(log, 'rows')],
      announce: (slug) => log.push(`announce ${slug ?? 'all'}`),
    });
    changes.heard('acme');
    changes.heard(null);
    expect(log).toEqual(['rows forgets acme', 'rows forgets every provider']);
  });
});

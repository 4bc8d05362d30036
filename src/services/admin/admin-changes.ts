// What an admin change resets, in one place: every part of this instance that keeps something of a provider
// drops it (the provider's row, its guide), and the other instances on the database are told to do the same.

/** A part of the service that keeps what it read of providers and must forget it after an admin change. */
export interface ProviderKeeper {
  invalidate(slug: string): void;
  invalidateAll(): void;
}

export interface AdminChangesDeps {
  /** Everything on this instance that keeps something of a provider. */
  keepers: readonly (ProviderKeeper | undefined)[];
  /** Tells the other instances (null: every provider); absent on a single instance. */
  announce?: (slug: string | null) => void;
}

export function createAdminChanges(deps: AdminChangesDeps) {
  const keepers = deps.keepers.filter((k): k is ProviderKeeper => k !== undefined);
  /** Forgets here only: the change was made here, or heard from another instance. */
  const forget = (slug: string | null) => {
    for (const k of keepers) {
      if (slug === null) k.invalidateAll();
      else k.invalidate(slug);
    }
  };
  return {
    /** An admin changed a provider (its row, patterns, mappings, overrides): its next guide shows it everywhere. */
    providerChanged: (slug: string): void => {
      forget(slug);
      deps.announce?.(slug);
    },
    /** An admin changed what serves every provider (a team alias): every guide is made again. */
    everyProviderChanged: (): void => {
      forget(null);
      deps.announce?.(null);
    },
    /** Another instance announced a change (null: every provider): forget here, announce nothing. */
    heard: forget,
  };
}

export type AdminChanges = ReturnType<typeof createAdminChanges>;

import { expect } from 'vitest';
import { UpstreamError } from '../../src/errors.js';
import type { PlaylistFetch } from '../../src/sources/playlist.js';

export const acme = (playlistUrl: string) => ({ slug: 'acme', playlistUrl });

/** Drains an `ok` fetch: the text and how many chunks it came in. */
export async function readBody(result: PlaylistFetch): Promise<{ text: string; chunks: number }> {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  const parts: Buffer[] = [];
  for await (const chunk of result.body) parts.push(Buffer.from(chunk));
  return { text: Buffer.concat(parts).toString('utf8'), chunks: parts.length };
}

/** The UpstreamError a fetch for the `acme` provider rejects with. */
export async function failure(work: Promise<unknown>): Promise<UpstreamError> {
  const err: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpstreamError);
  expect((err as UpstreamError).source).toBe('acme');
  return err as UpstreamError;
}

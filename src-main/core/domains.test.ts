// The registry says which document types the core keeps in memory; the domains' apps (and the
// locks every write consults) must declare a cache for each, fed by the changes feed.
import { afterEach, describe, expect, it } from 'vitest';
import { CACHED_TYPES, DOCUMENT_TYPES, DOCUMENTS } from '../../shared/documents/registry';
import type { Cache } from './app';
import type { Core } from './core';
import { openStation } from './testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe('the domains and the document registry', () => {
  it('declares a cache for every type the registry says is cached, and none for the others', async () => {
    const { core } = await openStation();
    open.push(core);
    const inner = core as unknown as { apps: { caches: readonly Cache[] }; locks: { reviews: Cache; unlocks: Cache } };
    // Followers of every change that keep derived facts (the statistics' tally, the audit counts) hold no documents.
    const caches = [...inner.apps.caches, inner.locks.reviews, inner.locks.unlocks].filter((cache) => !cache.derived);
    const cachedHere = DOCUMENT_TYPES.filter((type) => caches.some((cache) => cache.accepts(`${DOCUMENTS[type].prefix}x`)));
    // The search index, the attendance months and the audit index follow their types too, but
    // hold derived state rather than the documents: the registry's `cached` is the document sets.
    const derived = ['resident', 'attendance', 'audit'];
    expect(cachedHere.filter((type) => !derived.includes(type)).sort()).toEqual([...CACHED_TYPES].sort());
  });
});

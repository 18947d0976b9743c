/**
 * A cache bounded both in entries and in bytes, which forgets the least recently used entry first. The size of an
 * entry is the caller's estimate (`sizeOf`), taken once when it is stored. The newest entry is kept even when it
 * alone passes the byte budget: it is the one in use, and dropping it would only make the next request build it
 * again; it goes as soon as another entry comes.
 */
export interface LruOptions<K, V> {
  maxEntries: number;
  maxBytes: number;
  sizeOf: (value: V) => number;
  /** Called for each entry forgotten to make room (not for one replaced under its own key, nor one deleted). */
  onEvict?: (key: K, value: V) => void;
}

export class LruCache<K, V> {
  /** In order of use, least recent first (a Map keeps insertion order; a use moves the entry to the end). */
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private total = 0;

  constructor(private readonly options: LruOptions<K, V>) {}

  /** The value under `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` as the most recently used, forgets the least recently used past either bound; returns `value`. */
  set(key: K, value: V): V {
    this.delete(key);
    const bytes = this.options.sizeOf(value);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    while (this.entries.size > 1 && (this.entries.size > this.options.maxEntries || this.total > this.options.maxBytes)) {
      const [oldest, entry] = this.entries.entries().next().value as [K, { value: V; bytes: number }];
      this.entries.delete(oldest);
      this.total -= entry.bytes;
      this.options.onEvict?.(oldest, entry.value);
    }
    return value;
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.bytes;
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The estimated bytes of the entries held. */
  get bytes(): number {
    return this.total;
  }

  keys(): K[] {
    return [...this.entries.keys()];
  }
}

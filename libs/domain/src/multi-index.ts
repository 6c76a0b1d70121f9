/** Values grouped under keys, for lookups that must not scan everything on the event path. */
export class MultiIndex<K, V> {
  private readonly groups = new Map<K, Set<V>>();

  add(key: K, value: V): void {
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = new Set()));
    group.add(value);
  }

  delete(key: K, value: V): void {
    const group = this.groups.get(key);
    if (!group) return;
    group.delete(value);
    if (group.size === 0) this.groups.delete(key);
  }

  get(key: K): ReadonlySet<V> {
    return this.groups.get(key) ?? EMPTY;
  }

  clear(): void {
    this.groups.clear();
  }
}

const EMPTY: ReadonlySet<never> = new Set();

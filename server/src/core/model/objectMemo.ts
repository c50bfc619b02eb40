/**
 * A memo of values derived from one object (a model, a table, a list of tables), held by that
 * object: a WeakMap's get/set/has, stored in a hidden slot (a non-enumerable symbol property) of
 * the key.
 *
 * Why not a WeakMap: V8's young-generation GC (the scavenger) keeps every WeakMap entry whose key
 * is young alive and promotes key and value to the old generation; only a full mark-compact frees
 * them. Keyed by the objects of one analysis, the memos of the table domain and the prose facts
 * promoted most of each analysis's garbage: a full GC every ~200 analyses of a typical report and
 * about 40% more CPU (concurrent marking) than the same work with the memos held by their keys.
 *
 * Same lifetime as a WeakMap entry (it dies with its key) and invisible to what copies or compares
 * the model: spreads, Object.keys, for-in, JSON, structuredClone and deepStrictEqual all skip a
 * non-enumerable symbol, so a copied table starts with no memo, as it would with a WeakMap.
 * A non-extensible key (frozen) falls back to a real WeakMap.
 */
export class ObjectMemo<K extends object, V> {
  readonly #slot = Symbol('memo');
  #frozen: WeakMap<K, V> | undefined;

  get(key: K): V | undefined {
    const own = (key as Record<symbol, V | undefined>)[this.#slot];
    if (own !== undefined || Object.isExtensible(key)) return own;
    return this.#frozen?.get(key);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): this {
    if (Object.prototype.hasOwnProperty.call(key, this.#slot)) (key as Record<symbol, V>)[this.#slot] = value;
    else if (Object.isExtensible(key)) Object.defineProperty(key, this.#slot, { value, writable: true, enumerable: false, configurable: true });
    else (this.#frozen ??= new WeakMap()).set(key, value);
    return this;
  }
}

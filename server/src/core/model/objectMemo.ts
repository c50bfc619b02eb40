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
/**
 * One hidden slot per key object, shared by every ObjectMemo: a table memoised by six of them
 * gains one property (one hidden-class transition, the same for every table), not six in the order
 * the rules happened to ask, which would give tables several shapes and slow every access to them.
 * The slot holds [owner, value of memo 1, value of memo 2, …]: the owner check keeps an object
 * whose prototype holds a slot (Object.create) from reading its prototype's memos.
 */
const SLOT = Symbol('memos');
let memos = 0;

type Holder = Record<typeof SLOT, unknown[] | undefined>;

/** The empty slot; set() defines a full one with the same attributes, so both give one hidden class. */
const EMPTY_SLOT: PropertyDescriptor = { value: undefined, writable: true, enumerable: false, configurable: true };

/**
 * `o` with its memo slot made now, empty. An object memoised later gains the slot mid-analysis: the
 * rules then meet the same kind of object (a model, its table list) with two hidden classes, fresh
 * and memoised, and code optimised on one deoptimises on the other. Made at birth, they have one.
 */
export function withMemoSlot<T extends object>(o: T): T {
  return Object.defineProperty(o, SLOT, EMPTY_SLOT);
}

export class ObjectMemo<K extends object, V> {
  readonly #id = ++memos;
  #frozen: WeakMap<K, V> | undefined;

  get(key: K): V | undefined {
    const bag = (key as Holder)[SLOT];
    if (bag !== undefined && bag[0] === key) return bag[this.#id] as V | undefined;
    return this.#frozen?.get(key);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): this {
    let bag = (key as Holder)[SLOT];
    if (bag === undefined || bag[0] !== key) {
      if (!Object.isExtensible(key)) {
        (this.#frozen ??= new WeakMap()).set(key, value);
        return this;
      }
      bag = [key];
      Object.defineProperty(key, SLOT, { value: bag, writable: true, enumerable: false, configurable: true });
    }
    bag[this.#id] = value;
    return this;
  }
}

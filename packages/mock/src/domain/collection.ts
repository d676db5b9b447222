/**
 * Records of one kind, kept in creation order with an index per filter combination a list
 * uses, so that a page of a filtered list costs the page, not the whole collection. Each index
 * holds its records sorted by creation: a status change moves a record between indexes by
 * binary search, and a page is read from the newest end of the index matching the filters
 * (or, for a combination not indexed, by walking the smallest index that covers part of it).
 */
// A record's place in creation order, kept on the record itself (not enumerable, so copies and
// JSON never carry it): read on every index move, where a WeakMap lookup would cost more.
const ORDER = Symbol('creation order')

function orderOf(record: object): number {
  return (record as { [ORDER]?: number })[ORDER] ?? 0
}

export class IndexedCollection<T extends object, Field extends keyof T & string> {
  readonly #byId = new Map<string, T>()
  readonly #indexes = new Map<string, T[]>()
  readonly #combinations: readonly (readonly Field[])[]
  readonly #id: (record: T) => string
  readonly #scope: (record: T) => string
  #sequence = 0

  /**
   * @param combinations - the field combinations lists filter on by equality (the unfiltered
   *   list is always indexed)
   * @param id - a record's id
   * @param scope - a record's workspace: lists are always within one (or across all)
   */
  constructor(combinations: readonly (readonly Field[])[], id: (record: T) => string, scope: (record: T) => string) {
    this.#combinations = [[], ...combinations]
    this.#id = id
    this.#scope = scope
  }

  /** A record by id. */
  get(id: string): T | undefined {
    return this.#byId.get(id)
  }

  /** Adds a new record as the newest. */
  add(record: T): void {
    this.#byId.set(this.#id(record), record)
    Object.defineProperty(record, ORDER, { value: ++this.#sequence })
    for (const key of this.#keys(record)) this.#insert(key, record)
  }

  /** Changes fields of a record, moving it between the indexes of the fields that changed. */
  update(record: T, changes: Partial<T>): void {
    const changed = this.#combinations.filter((combination) => combination.some((field) => field in changes))
    const before = this.#keys(record, changed)
    Object.assign(record, changes)
    const after = this.#keys(record, changed)
    for (const key of before) if (!after.includes(key)) this.#remove(key, record)
    for (const key of after) if (!before.includes(key)) this.#insert(key, record)
  }

  /** Forgets every record. */
  clear(): void {
    this.#byId.clear()
    this.#indexes.clear()
  }

  /**
   * The records matching every filter (equality on indexed fields), newest first, within a
   * workspace (`undefined`: every workspace). Returns the total and a page cut from it;
   * `accept` may narrow further, at the cost of walking the smallest index.
   */
  list(
    scope: string | undefined,
    filters: Partial<Record<Field, string | undefined>>,
    window: { offset: number; limit: number },
    accept?: (record: T) => boolean,
  ): { total: number; items: T[] } {
    const wanted = Object.entries(filters).filter((entry): entry is [Field, string] => typeof entry[1] === 'string')
    const values = new Map<Field, string>(wanted)
    let smallest: T[] | undefined
    let exact = false
    for (const combination of this.#combinations) {
      if (!combination.every((field) => values.has(field))) continue
      const index = this.#indexes.get(indexKey(scope, combination.map((field) => [field, values.get(field)]))) ?? []
      const covers = combination.length === wanted.length
      // An exact index is never longer than a partial one; on a tie it saves the walk.
      if (smallest === undefined || index.length < smallest.length || (index.length === smallest.length && covers)) {
        smallest = index
        exact = covers
      }
    }
    const candidates = smallest ?? []
    if (exact && accept === undefined) return { total: candidates.length, items: newestSlice(candidates, window) }
    const items: T[] = []
    let total = 0
    for (let index = candidates.length - 1; index >= 0; index--) {
      const record = candidates[index] as T
      if (!wanted.every(([field, value]) => record[field] === value) || (accept !== undefined && !accept(record))) continue
      if (total >= window.offset && items.length < window.limit) items.push(record)
      total += 1
    }
    return { total, items }
  }

  #keys(record: T, combinations: readonly (readonly Field[])[] = this.#combinations): string[] {
    const keys: string[] = []
    for (const scope of [undefined, this.#scope(record)]) {
      for (const combination of combinations) {
        const pairs = combination.map((field) => [field, record[field]] as const)
        if (pairs.every(([, value]) => typeof value === 'string')) keys.push(indexKey(scope, pairs))
      }
    }
    return keys
  }

  #insert(key: string, record: T): void {
    let index = this.#indexes.get(key)
    if (index === undefined) this.#indexes.set(key, (index = []))
    const order = orderOf(record)
    // Nearly always the newest, so appending is the common case.
    const last = index[index.length - 1]
    if (last === undefined || orderOf(last) < order) index.push(record)
    else index.splice(this.#position(index, order), 0, record)
  }

  #remove(key: string, record: T): void {
    const index = this.#indexes.get(key)
    if (index === undefined) return
    const position = this.#position(index, orderOf(record))
    if (index[position] !== record) return
    // The oldest leaves first most often (queues are worked oldest first): shift is O(1) there.
    if (position === 0) index.shift()
    else index.splice(position, 1)
  }

  // The first position whose record is not older than `order`.
  #position(index: readonly T[], order: number): number {
    let low = 0
    let high = index.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (orderOf(index[middle] as T) < order) low = middle + 1
      else high = middle
    }
    return low
  }
}

function indexKey(scope: string | undefined, pairs: readonly (readonly [string, unknown])[] = []): string {
  return [scope ?? '*', ...pairs.map(([field, value]) => `${field}=${String(value)}`)].join('\u0000')
}

// A page of an index, newest first: the index is oldest first.
function newestSlice<T>(index: readonly T[], window: { offset: number; limit: number }): T[] {
  const end = index.length - window.offset
  if (end <= 0) return []
  return index.slice(Math.max(0, end - window.limit), end).reverse()
}

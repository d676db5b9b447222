/**
 * Records of one kind, kept in creation order with an index per filterable field, so that a
 * page of a filtered list costs the page (plus a count), not the whole collection. Each index
 * holds its records sorted by creation: a status change moves a record between two indexes by
 * binary search, and a page is read from the newest end of the smallest matching index.
 */
export class IndexedCollection<T extends object, Field extends keyof T & string> {
  readonly #byId = new Map<string, T>()
  readonly #order = new WeakMap<T, number>()
  readonly #indexes = new Map<string, T[]>()
  readonly #fields: readonly Field[]
  readonly #id: (record: T) => string
  readonly #scope: (record: T) => string
  #sequence = 0

  /**
   * @param fields - the fields a list may filter on by equality
   * @param id - a record's id
   * @param scope - a record's workspace: lists are always within one (or across all)
   */
  constructor(fields: readonly Field[], id: (record: T) => string, scope: (record: T) => string) {
    this.#fields = fields
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
    this.#order.set(record, ++this.#sequence)
    for (const key of this.#keys(record)) this.#insert(key, record)
  }

  /** Changes fields of a record, moving it between the indexes of the fields that changed. */
  update(record: T, changes: Partial<T>): void {
    const before = this.#keys(record)
    Object.assign(record, changes)
    const after = new Set(this.#keys(record))
    for (const key of before) if (!after.has(key)) this.#remove(key, record)
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
    // Every filter index is already within the scope, so the smallest one is where to look.
    const candidates = wanted.length === 0 ? [this.#indexes.get(indexKey(scope)) ?? []] : wanted.map(([field, value]) => this.#indexes.get(indexKey(scope, field, value)) ?? [])
    const smallest = candidates.reduce((a, b) => (b.length < a.length ? b : a))
    if (wanted.length <= 1 && accept === undefined) return { total: smallest.length, items: newestSlice(smallest, window) }
    const items: T[] = []
    let total = 0
    for (let index = smallest.length - 1; index >= 0; index--) {
      const record = smallest[index] as T
      if (!wanted.every(([field, value]) => record[field] === value) || (accept !== undefined && !accept(record))) continue
      if (total >= window.offset && items.length < window.limit) items.push(record)
      total += 1
    }
    return { total, items }
  }

  #keys(record: T): string[] {
    const keys: string[] = []
    for (const scope of [undefined, this.#scope(record)]) {
      keys.push(indexKey(scope))
      for (const field of this.#fields) {
        const value = record[field]
        if (typeof value === 'string') keys.push(indexKey(scope, field, value))
      }
    }
    return keys
  }

  #insert(key: string, record: T): void {
    let index = this.#indexes.get(key)
    if (index === undefined) this.#indexes.set(key, (index = []))
    const order = this.#order.get(record) ?? 0
    // Nearly always the newest, so appending is the common case.
    const last = index[index.length - 1]
    if (last === undefined || (this.#order.get(last) ?? 0) < order) index.push(record)
    else index.splice(this.#position(index, order), 0, record)
  }

  #remove(key: string, record: T): void {
    const index = this.#indexes.get(key)
    if (index === undefined) return
    const position = this.#position(index, this.#order.get(record) ?? 0)
    if (index[position] === record) index.splice(position, 1)
  }

  // The first position whose record is not older than `order`.
  #position(index: readonly T[], order: number): number {
    let low = 0
    let high = index.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.#order.get(index[middle] as T) ?? 0) < order) low = middle + 1
      else high = middle
    }
    return low
  }
}

function indexKey(scope: string | undefined, field?: string, value?: string): string {
  return field === undefined ? `${scope ?? '*'}` : `${scope ?? '*'}\u0000${field}\u0000${value}`
}

// A page of an index, newest first: the index is oldest first.
function newestSlice<T>(index: readonly T[], window: { offset: number; limit: number }): T[] {
  const end = index.length - window.offset
  if (end <= 0) return []
  return index.slice(Math.max(0, end - window.limit), end).reverse()
}

/**
 * Records ordered by when they expire (a binary min-heap), so that checking what expired costs
 * the records that did, not every record that may: every read of the mock checks.
 */
export class ExpiryQueue<T> {
  readonly #heap: { at: number; record: T }[] = []

  /** Adds a record due at `at` (milliseconds). */
  add(record: T, at: number): void {
    const heap = this.#heap
    heap.push({ at, record })
    let child = heap.length - 1
    while (child > 0) {
      const parent = (child - 1) >>> 1
      if ((heap[parent] as { at: number }).at <= at) break
      ;[heap[parent], heap[child]] = [heap[child] as { at: number; record: T }, heap[parent] as { at: number; record: T }]
      child = parent
    }
  }

  /** Removes and returns every record due at or before `now`, earliest first. */
  takeDue(now: number): T[] {
    const due: T[] = []
    while (this.#heap.length > 0 && (this.#heap[0] as { at: number }).at <= now) due.push(this.#pop())
    return due
  }

  /** Forgets every record. */
  clear(): void {
    this.#heap.length = 0
  }

  #pop(): T {
    const heap = this.#heap
    const top = heap[0] as { at: number; record: T }
    const last = heap.pop() as { at: number; record: T }
    if (heap.length > 0) {
      heap[0] = last
      let parent = 0
      for (;;) {
        const left = parent * 2 + 1
        const right = left + 1
        let smallest = parent
        if (left < heap.length && (heap[left] as { at: number }).at < (heap[smallest] as { at: number }).at) smallest = left
        if (right < heap.length && (heap[right] as { at: number }).at < (heap[smallest] as { at: number }).at) smallest = right
        if (smallest === parent) break
        ;[heap[parent], heap[smallest]] = [heap[smallest] as { at: number; record: T }, heap[parent] as { at: number; record: T }]
        parent = smallest
      }
    }
    return top.record
  }
}

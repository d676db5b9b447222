// Errors are recognised by a brand rather than by `instanceof`: two copies of this package in
// one install (or an error that crossed from an iframe or a worker) have different classes,
// but the same names under the same registered symbol. `Symbol.for` keys are shared by every
// copy and every realm of one JavaScript agent, which is what makes the guards below hold.
const KINDS = Symbol.for('@signoff/client.error-kinds')

interface Branded {
  [KINDS]?: string[]
}

/**
 * Records that an error is of the named kind and returns the name, so each class can write
 * `override name = brand(this, 'ConflictError')`: field initialisers run from the base class
 * down, so an error ends with the names of every class it belongs to.
 */
export function brand(error: Error, kind: string): string {
  const branded = error as Error & Branded
  const kinds = branded[KINDS]
  if (kinds === undefined) {
    Object.defineProperty(error, KINDS, { value: [kind], enumerable: false, writable: false, configurable: false })
  } else if (!kinds.includes(kind)) {
    kinds.push(kind)
  }
  return kind
}

/** Whether a value carries the brand of an error kind, whichever copy of the class made it. */
export function hasKind(value: unknown, kind: string): boolean {
  if (typeof value !== 'object' || value === null) return false
  const kinds = (value as Branded)[KINDS]
  return Array.isArray(kinds) && kinds.includes(kind)
}

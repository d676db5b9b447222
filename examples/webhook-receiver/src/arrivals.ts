// Prints each verified event as it arrives, and lets the walkthrough wait for the next one
// of a given type.

/** The part of a verified event this example reads. */
export interface ArrivedEvent {
  type: string
  data: { approval: { id: string; status: string }; execution: { status: string } }
}

/** Shortens an id for display: the full id stays in the data. */
export function short(id: string): string {
  return id.length > 12 ? `${id.slice(0, 10)}…` : id
}

/** Collects arriving events; `next(type)` resolves with the first one of that type not yet taken. */
export function arrivals() {
  const unclaimed: ArrivedEvent[] = []
  const waiters: { type: string; resolve: (event: ArrivedEvent) => void }[] = []
  return {
    arrived(event: ArrivedEvent): void {
      const { approval, execution } = event.data
      console.log(`← webhook ${event.type}: approval ${short(approval.id)} ${approval.status}, execution ${execution.status}`)
      const waiter = waiters.findIndex((candidate) => candidate.type === event.type)
      if (waiter === -1) unclaimed.push(event)
      else waiters.splice(waiter, 1)[0]?.resolve(event)
    },
    next(type: string): Promise<ArrivedEvent> {
      const index = unclaimed.findIndex((event) => event.type === type)
      if (index !== -1) return Promise.resolve(unclaimed.splice(index, 1)[0] as ArrivedEvent)
      return new Promise((resolve) => waiters.push({ type, resolve }))
    },
  }
}

// One way to build elements, and it only ever sets text: approval data comes from agents and
// users, so it must never be parsed as HTML.

type Child = Node | string | null | undefined

/** Creates an element with attributes and children; strings become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  for (const child of children) {
    if (child !== null && child !== undefined) element.append(child)
  }
  return element
}

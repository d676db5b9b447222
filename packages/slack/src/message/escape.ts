/**
 * Escapes text for Slack's `mrkdwn`: `&`, `<` and `>` become entities, so untrusted text (an
 * agent's input or output, a reason typed elsewhere) cannot ping `<!channel>`, mention a user
 * or dress a link up as something else. Slack asks for exactly these three and no others.
 *
 * @example
 * ```ts
 * escapeSlackText('<!channel> see <https://evil.example|your bank>')
 * // '&lt;!channel&gt; see &lt;https://evil.example|your bank&gt;'
 * ```
 */
export function escapeSlackText(text: string): string {
  return text.replace(/[&<>]/g, (character) => ENTITIES[character as keyof typeof ENTITIES])
}

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' } as const

/** Escaped text cut to fit a budget, and how many characters of the original were left out. */
export interface CutText {
  /** The escaped text, at most the budget long. */
  text: string
  /** Characters of the original (unescaped) text that did not fit; 0 when all of it did. */
  omitted: number
}

/**
 * Escapes `text` and cuts it to at most `budget` characters of escaped output, never inside an
 * entity or a surrogate pair. Cutting after escaping matters: `&` grows to five characters,
 * so a text that fits raw can overflow a Slack limit once escaped.
 */
export function escapeAndCut(text: string, budget: number): CutText {
  let length = 0
  let consumed = 0
  const parts: string[] = []
  for (const character of text) {
    const escaped = character in ENTITIES ? ENTITIES[character as keyof typeof ENTITIES] : character
    if (length + escaped.length > budget) break
    parts.push(escaped)
    length += escaped.length
    consumed += character.length
  }
  return { text: parts.join(''), omitted: text.length - consumed }
}

/** Cuts `plain_text` (which Slack shows as written) to at most `max` characters, whole code points. */
export function cutPlainText(text: string, max: number): string {
  const characters = Array.from(text)
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`
}

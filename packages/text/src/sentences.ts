/** Sentences of a text with their offsets: the unit a red-line rule looks at. */
export type Sentence = { start: number; end: number; text: string };

const boundary = /[^。！？!?；;\n…]+[。！？!?；;\n…]*/gu;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const match of text.matchAll(boundary)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    const start = match.index + leading;
    sentences.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return sentences;
}

/**
 * Text as the rules see it, with the same length as the original so that every offset found in it is an
 * offset in what the steward typed: HTML tags and entities are blanked to spaces, full-width ASCII (Ａ１！)
 * becomes half-width, the ideographic space a space, Latin letters lower case, and traditional characters
 * simplified with OpenCC's Taiwan → mainland tables (opencc-js), one character at a time where a phrase
 * conversion would change the length.
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 'tw', to: 'cn' });

export type NormalisedText = {
  /** Same length as the analysed part of the original. */
  text: string;
  /** The original was longer than `maxLength` and only its beginning was analysed. */
  truncated: boolean;
  /** The original contained HTML markup, which was blanked. */
  hadMarkup: boolean;
};

/** HTML tags, comments and entities: blanked here, removed from a rewrite. */
export const tagOrEntity = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->|&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});/g;

function halfWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += char;
  }
  return out;
}

// Only run OpenCC when a character outside the common simplified range could be traditional; most text is not.
const mayBeTraditional = /[\u4e00-\u9fff]/;

function simplified(text: string): string {
  if (!mayBeTraditional.test(text)) return text;
  const converted = toSimplified(text);
  if (converted.length === text.length) return converted;
  return Array.from(text, (char) => {
    const one = toSimplified(char);
    return one.length === char.length ? one : char;
  }).join('');
}

export function normaliseText(original: string, maxLength: number): NormalisedText {
  const truncated = original.length > maxLength;
  let text = truncated ? original.slice(0, maxLength) : original;
  // A lone high surrogate at the cut would be an invalid string for the native segmenter.
  if (truncated && /[\ud800-\udbff]$/.test(text)) text = `${text.slice(0, -1)} `;
  let hadMarkup = false;
  text = text.replace(tagOrEntity, (match) => {
    hadMarkup = true;
    return ' '.repeat(match.length);
  });
  return { text: simplified(halfWidth(text)).toLowerCase(), truncated, hadMarkup };
}

import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise';
import { extractKeywords } from './keywords';

describe('normaliseText', () => {
  it('keeps the length, so offsets stay valid, while folding width, case and traditional characters', () => {
    const original = 'ＡＢＣ１２３　這個電梯壞了<b>！</b>';
    const result = normaliseText(original, 1000);
    expect(result.text).toHaveLength(original.length);
    expect(result.text).toBe('abc123 这个电梯坏了   !    ');
    expect(result.hadMarkup).toBe(true);
  });

  it('cuts at the limit without leaving half an emoji', () => {
    const result = normaliseText('好😀', 2);
    expect(result).toMatchObject({ truncated: true, text: '好 ' });
  });
});

describe('extractKeywords', () => {
  const text = '车库漏水的问题已经反映到物业好几个月了还没有解决，车库漏水的原因非常简单，车库的排水沟堵了';
  it('TF-IDF with jieba’s IDF table, stop words left out', () => {
    const keywords = extractKeywords(text, { topK: 3 }).map((item) => item.keyword);
    expect(keywords).toContain('车库');
    expect(keywords).toContain('漏水');
    expect(keywords).not.toContain('物业');
  });

  it('TextRank over jieba’s tagged words', () => {
    const keywords = extractKeywords(text, { topK: 3, method: 'textrank' });
    expect(keywords[0]).toEqual({ keyword: '车库', weight: 1 });
    expect(keywords.map((item) => item.keyword)).toContain('漏水');
  });
});

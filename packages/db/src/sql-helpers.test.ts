import { describe, expect, it } from 'vitest';
import { escapeLike, likeContaining } from './sql-helpers';

describe('LIKE patterns from search text', () => {
  it('escapes the wildcards and the escape character, and nothing else', () => {
    expect(escapeLike('50%_a\\b 张三')).toBe('50\\%\\_a\\\\b 张三');
  });

  it('wraps the escaped text for "contains", and gives no pattern for an empty box', () => {
    expect(likeContaining('1_2')).toBe('%1\\_2%');
    expect(likeContaining('')).toBeUndefined();
    expect(likeContaining(undefined)).toBeUndefined();
  });
});

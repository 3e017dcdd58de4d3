/** Odd input gets a clear answer, never an exception: empty, huge, mixed scripts, emoji, HTML. */
import { describe, expect, it } from 'vitest';
import { extractKeywords } from './keywords';
import { checkReply } from './qa/check-reply';
import { analyseComment, analyseComments } from './voice/analyse';

describe('bad input', () => {
  it('empty or blank text: no findings, no rewrite, an "empty" notice', () => {
    for (const text of ['', '   ', '\n\t']) {
      const check = checkReply(text);
      expect(check).toMatchObject({ findings: [], redLines: [], rewrite: null, autoFail: false });
      expect(check.notices.map((notice) => notice.code)).toEqual(['empty']);
      expect(analyseComment(text)).toMatchObject({ sentiment: { polarity: 'neutral', score: 0 }, topics: [] });
      expect(extractKeywords(text)).toEqual([]);
    }
  });

  it('a 100,000-character text is analysed up to the limit and says so', () => {
    const text = '您好，这个不归我们管，你去找开发商。'.repeat(5_600).slice(0, 100_000);
    const started = performance.now();
    const check = checkReply(text);
    expect(check.notices.map((notice) => notice.code)).toEqual(['truncated']);
    expect(check.notices[0]?.messages['zh-CN']).toContain('100000');
    expect(check.redLines).toEqual(['shirking']);
    expect(Math.max(...check.findings.map((finding) => finding.end))).toBeLessThanOrEqual(20_000);
    const comment = analyseComment('电梯坏了没人修。'.repeat(12_500));
    expect(comment.sentiment.polarity).toBe('negative');
    expect(comment.notices.map((notice) => notice.code)).toEqual(['truncated']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('mixed scripts and full-width letters keep offsets in the text as typed', () => {
    const text = 'Dear owner 業主您好，ＯＫ啦，這個不歸我們管。';
    const check = checkReply(text);
    expect(check.redLines).toEqual(['casual', 'shirking']);
    for (const finding of check.findings) expect(text.slice(finding.start, finding.end)).toBe(finding.excerpt);
    expect(check.findings.map((finding) => finding.excerpt)).toEqual(['ＯＫ', '不歸我們']);
  });

  it('text with no Chinese is answered with a notice', () => {
    const check = checkReply('We will send someone tomorrow.');
    expect(check.findings).toEqual([]);
    expect(check.notices.map((notice) => notice.code)).toEqual(['no_chinese']);
  });

  it('emoji: in a reply a casual finding with its span; in a comment, sentiment', () => {
    const text = '好的，师傅明天上午到👌';
    const check = checkReply(text);
    expect(check.findings).toEqual([expect.objectContaining({ redLine: 'casual', excerpt: '👌', start: 10, end: 12 })]);
    expect(check.rewrite?.text).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(analyseComment('电梯又坏了😡😡').sentiment.polarity).toBe('negative');
    expect(analyseComment('花园好美🌸👍').sentiment.polarity).toBe('positive');
    expect(() => checkReply('\ud83d')).not.toThrow();
  });

  it('HTML markup is ignored, offsets still point into the markup text', () => {
    const text = '<p>您好，<b>不行</b>，这个办不了。</p><script>alert(1)</script>';
    const check = checkReply(text);
    expect(check.notices.map((notice) => notice.code)).toEqual(['markup']);
    expect(check.findings[0]).toMatchObject({ redLine: 'refusing', excerpt: '不行', start: 9, end: 11 });
    expect(check.rewrite?.text).not.toContain('<');
    expect(analyseComments(['<div>很满意</div>', '&nbsp;太差了']).summary.polarity).toEqual({ positive: 1, negative: 1, neutral: 0 });
  });
});

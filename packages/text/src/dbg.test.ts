import { it } from 'vitest';
import { checkReply, loadReplies, labelledSetFiles } from './index';
it('fp', () => {
  console.log(JSON.stringify(labelledSetFiles));
  for (const file of Object.values(labelledSetFiles as Record<string, Record<string,string>>).flatMap((v) => typeof v === 'string' ? [v] : Object.values(v))) {
    if (!String(file).includes('replies')) continue;
    for (const reply of loadReplies(file as string)) {
      const found = checkReply(reply.text).findings;
      for (const f of found) if ((f.redLine === 'casual' || f.redLine === 'shirking') && !reply.redLines.includes(f.redLine)) console.log('FP', file.split('/').pop(), f.redLine, f.ruleId, f.excerpt, '|', reply.text, '|', reply.redLines.join(','));
    }
  }
});

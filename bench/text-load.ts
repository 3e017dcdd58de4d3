/**
 * Run in a fresh process by bench/text-engine.ts: the time from importing @manyi/text to the first checked
 * reply and analysed comment (jieba's dictionary, the property-service words, the compiled rules), and the CPU time
 * the process used by then (Node's own start-up included), which other work on the machine does not stretch. Prints JSON.
 */
export {};

const started = performance.now();
const text = await import('@manyi/text');
const imported = performance.now();
text.warmUp();
text.checkReply('这个不归我们管，你去找开发商。');
text.analyseComment('电梯坏了三天都没人修');
const ready = performance.now();
text.extractKeywords('车库漏水好几个月了');
const keywords = performance.now();
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ importMs: imported - started, readyMs: ready - started, tfIdfMs: keywords - ready, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`,
);

import type { Command } from 'commander';

type TextCommand = 'qa' | 'sentiment' | 'topics';

/** The command's definition only: the text engine loads when it runs, so `manyi --help` stays quick. */
export function registerTextCommand(program: Command): void {
  const text = program
    .command('text')
    .description('Chinese text engine: red-line QA of staff replies, sentiment and topics of owner comments (JSON, no database)');
  const describe: Record<TextCommand, string> = {
    qa: 'red lines (烦躁/拒绝/质疑/随意/推诿) with spans, warmth and a warm rewrite, per text',
    sentiment: 'polarity and score per text',
    topics: 'topics (aligned with the ticket categories) per text',
  };
  for (const command of ['qa', 'sentiment', 'topics'] as const) {
    text
      .command(`${command} <file>`)
      .description(`${describe[command]}; <file> is .jsonl with a "text" field or .csv with a "text" column`)
      .option('--config <file>', 'company additions to the base rules and lexicons (JSON), checked before use')
      .action(async (file: string, options: { config?: string }) => {
        const { runText } = await import('./command');
        process.exitCode = await runText(command, file, options, process.stdout, process.stderr);
      });
  }
}

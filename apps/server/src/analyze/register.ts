import type { Command } from 'commander';

/** The command's definition only: its code (exceljs, the analysis) loads when it runs, so `manyi --help` stays quick. */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze <file>')
    .description('print the metrics of an exported questionnaire (.xlsx/.csv, e.g. 问卷星) as JSON; no database needed')
    .requiredOption('--template <name>', 'built-in questionnaire the columns answer: servqual-property, satisfaction-annual, kano-services')
    .option('--mapping <json>', 'override the column mapping: {"<header or 0-based index>": "questionKey[.item]" | null}, inline or a .json file')
    .action(async (file: string, options: { template: string; mapping?: string }) => {
      const { runAnalyze } = await import('./command');
      process.exitCode = await runAnalyze(file, options, process.stdout, process.stderr);
    });
}

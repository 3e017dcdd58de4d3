import { AnalyzeError, analyzeFile, describeProblem } from './analyze';

type Sink = { write(text: string): unknown };

/** Runs the command; the exit code: 0 analysed (bad rows are reported but do not fail it), 2 unusable input (no valid row included), 1 anything unexpected. */
export async function runAnalyze(file: string, options: { template: string; mapping?: string | undefined }, stdout: Sink, stderr: Sink): Promise<number> {
  try {
    const report = await analyzeFile(file, options, (problem) => stderr.write(`manyi analyze: ${describeProblem(problem)}\n`));
    for (const conflict of report.conflicts) {
      stderr.write(
        `manyi analyze: column ${conflict.column} "${conflict.header}": its number points at ${conflict.byNumber ?? 'no question'}, its title at ${conflict.byTitle}; left unmapped (place it with --mapping)\n`,
      );
    }
    stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    stderr.write(`manyi analyze: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof AnalyzeError ? 2 : 1;
  }
}

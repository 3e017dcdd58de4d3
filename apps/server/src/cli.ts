import { Command } from 'commander';
import { registerAnalyzeCommand } from './analyze/register';
import { registerTextCommand } from './text-cli/register';

// Each command imports its code when it runs: loading the server, the database drivers and the
// text engine up front made `manyi --help` take seconds.

const program = new Command('manyi').description('Manyi (满意) — owner-satisfaction platform');

program
  .command('serve')
  .description('migrate, seed demo data into an empty database, and start the server')
  .option('--no-demo', 'do not seed demo data into an empty database')
  .action(async (options: { demo: boolean }) => {
    const [{ loadConfig }, { createLogger, openDatabase, serve }, { seedDemo }, { existingDemoLogins, isDatabaseEmpty }] = await Promise.all([
      import('./config'),
      import('./server'),
      import('./demo/seed'),
      import('./demo/empty'),
    ]);
    const config = loadConfig();
    const logger = createLogger(config);
    const connection = await openDatabase(config);
    await connection.migrate();
    if (options.demo && (await isDatabaseEmpty(connection.db))) {
      logger.info('empty database: seeding demo data …');
      await seedDemo(connection.db, { log: (message) => logger.info(message) });
    }
    const logins = await existingDemoLogins(connection.db);
    await serve(config, connection, logger);
    const lines = [
      '',
      `  Manyi 满意 is running: ${config.publicUrl}/`,
      `  API docs: ${config.publicUrl}/api/docs`,
      `  Database: ${connection.kind === 'pglite' ? `PGlite (embedded) in ${config.dataDir}/pglite` : 'PostgreSQL'}`,
      ...(logins.length > 0 ? [`  Owner phone pages (H5): ${config.publicUrl}/h5/login?c=demo — SMS codes are written to this log`] : []),
      ...(logins.length > 0 ? ['  Demo logins (staff console):', ...logins.map((item) => `    ${item.role.padEnd(12)} ${item.login} / ${item.password}`)] : []),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const [{ loadConfig }, { openDatabase }, { backfillNameInitials }] = await Promise.all([
      import('./config'),
      import('./server'),
      import('./persons/repository'),
    ]);
    const connection = await openDatabase(loadConfig());
    await connection.migrate();
    // Data the new columns need that SQL cannot compute (pinyin initials for owner search).
    await backfillNameInitials(connection.db);
    await connection.close();
    process.stdout.write('migrations applied\n');
  });

program
  .command('seed-demo')
  .description('create the demo company (2 regions, 5 projects, ~3,000 households, staff, a week of service-desk tickets)')
  .action(async () => {
    const [{ loadConfig }, { openDatabase }, { seedDemo }] = await Promise.all([import('./config'), import('./server'), import('./demo/seed')]);
    const connection = await openDatabase(loadConfig());
    await connection.migrate();
    const result = await seedDemo(connection.db, { log: (message) => process.stdout.write(`${message}\n`) });
    await connection.close();
    for (const item of result.logins) process.stdout.write(`${item.role.padEnd(12)} ${item.login} / ${item.password}\n`);
  });

program
  .command('backup <dir>')
  .description('embedded database (PGlite) and uploaded files into a new folder; stop the server first. PostgreSQL: pg_dump (docs/deploy.md)')
  .action(async (dir: string) => {
    const [{ loadConfig }, { backup }] = await Promise.all([import('./config'), import('./backup/backup')]);
    await backup(loadConfig(), dir, process.stdout);
  });

program
  .command('restore <dir>')
  .description('a `manyi backup` folder into an empty DATA_DIR (PGlite); PostgreSQL: pg_restore (docs/deploy.md)')
  .action(async (dir: string) => {
    const [{ loadConfig }, { restore }] = await Promise.all([import('./config'), import('./backup/backup')]);
    await restore(loadConfig(), dir, process.stdout);
  });

registerAnalyzeCommand(program);
registerTextCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A person at a terminal needs the reason, not a stack trace.
  process.stderr.write(`manyi: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

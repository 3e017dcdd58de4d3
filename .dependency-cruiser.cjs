/**
 * Boundaries between the workspaces and between the server's domain folders (issue 13, "one way in").
 * Run by `npm run lint` (depcruise), so `npm test` and CI fail on a violation.
 */

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'packages/core is pure logic: it imports nothing of the database, the server or the web console.',
      from: { path: '^packages/core/' },
      to: { path: ['^packages/db/', '^apps/', '^node_modules/(drizzle-orm|pg|@electric-sql|fastify|react)'] },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The web console talks to the server over HTTP only: it never imports server or database code.',
      from: { path: '^apps/web/' },
      to: { path: ['^apps/server/', '^packages/db/'] },
    },
    {
      name: 'no-domain-folder-cycle',
      severity: 'error',
      comment: 'Server domain folders (apps/server/src/<folder>) depend one way: what two folders both need moves where both can use it.',
      scope: 'folder',
      from: { path: '^apps/server/src/[^/]+$' },
      to: { path: '^apps/server/src/[^/]+$', circular: true },
    },
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment: 'No module imports itself through others (this also keeps domain folders from importing app.ts or routes.ts, which import them).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Tests and the test harness may reach across folders to set up what they exercise: nothing
    // imports them, so they make no cycle (the harness is left out too, else every folder reaches every other through it).
    exclude: { path: ['\\.test\\.tsx?$', '^apps/server/test/', '(^|/)node_modules/', '/dist/'] },
    doNotFollow: { path: 'node_modules' },
    // A type-only import couples two folders as much as any other, so it counts.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};

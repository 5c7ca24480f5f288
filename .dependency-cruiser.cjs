/**
 * The import rules `npm test` checks (scripts/test-all.mjs): no cycles in the product's code, and
 * each folder imports only the layers beneath it (README, "Code map").
 */
const product = '^(adapters|background-caches|components|core|entrypoints|i18n|messaging|services|sources|storage)/';
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle makes load order matter and modules hard to move.',
      severity: 'error',
      from: { path: product },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'core/ is domain logic: no browser, storage or UI imports.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(adapters|background-caches|components|entrypoints|i18n|messaging|services|sources|storage)/' },
    },
    {
      name: 'storage-is-persistence',
      comment: 'storage/ keeps persistence only and depends on no layer above it.',
      severity: 'error',
      from: { path: '^storage/' },
      to: { path: '^(adapters|background-caches|components|entrypoints|i18n|messaging|services|sources)/' },
    },
    {
      name: 'sources-below-services',
      comment:
        'sources/ reads files and APIs into records and writes them through storage/, never through the background.',
      severity: 'error',
      from: { path: '^sources/' },
      to: { path: '^(background-caches|components|entrypoints|i18n|messaging|services)/' },
    },
    {
      name: 'pages-ask-the-writer',
      comment:
        'The background is the only writer of sales data: extension pages ask it (messaging/ask-data-writes.ts) ' +
        'rather than import the code that writes records, commits imports, creates and delivers flags or counts tickets.',
      severity: 'error',
      from: { path: '^(entrypoints/(options|popup|sidebar|sidepanel)|components)/' },
      to: {
        path: '^(storage/record-writes|services/(import|data-writes|flag-create|flag-delivery|ticket-views)|sources/run-sync)[.]ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'adapters-read-pages-only',
      comment: 'adapters/ run in the content script: no storage, sources or UI.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(background-caches|components|entrypoints|i18n|messaging|services|sources|storage)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.wxt|\\.output)' },
    tsPreCompilationDeps: true,
    webpackConfig: { fileName: 'scripts/dependency-resolve.cjs' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
  },
};

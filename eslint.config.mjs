import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.output',
      '.output-test',
      '.output-test-*',
      '.wxt',
      'test-results',
      'screenshots',
      'bench/results',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Sales data and page text are rendered as text only: no HTML sinks, no eval.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render data as text (textContent / JSX).' },
        { property: 'outerHTML', message: 'Render data as text (textContent / JSX).' },
        { property: 'insertAdjacentHTML', message: 'Render data as text (textContent / JSX).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from data.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // components/ is Preact UI only: settings and data come through storage/ and messaging/.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '#imports', message: 'No browser APIs in components/: use storage/ or messaging/.' }] },
      ],
    },
  },
  {
    // CommonJS config files (dependency-cruiser's) load their helpers with require.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests build fixture documents from HTML strings on purpose.
      'no-restricted-properties': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node modules that reach outside the process (files, network, processes, the terminal).
const NODE_IO = [
  'fs',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'tls',
  'child_process',
  'cluster',
  'worker_threads',
  'readline',
  'os',
  'process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify plugins and hooks are async by contract even when their body awaits nothing.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // supertest bodies are `any`; tests assert on them directly.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Small modules: a file that outgrows this is two things.
    files: ['src/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    // The pure core: no I/O, no clock, no framework. Dependencies point into the domain, never out of it.
    files: ['src/domain/**/*.ts'],
    rules: {
      // The clock, the environment, the network and timers are the caller's: `now` and `timeZone` are arguments.
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'fetch',
          'setTimeout',
          'setInterval',
          'setImmediate',
          'queueMicrotask',
          'performance',
        ].map((name) => ({
          name,
          message: 'src/domain is pure: the caller passes the clock, timers and I/O in.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/domain never reads the clock: take `now` as an argument.',
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'src/domain never reads the clock: take `now` as an argument.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/db/**',
                '**/sources/**',
                '**/services/**',
                '**/http/**',
                '**/config/**',
                '**/app.js',
              ],
              message: 'src/domain is pure: it takes data and returns data.',
            },
            {
              group: NODE_IO.flatMap((m) => [m, `${m}/*`, `node:${m}`, `node:${m}/*`]),
              message: 'src/domain does no I/O.',
            },
            {
              group: [
                'fastify',
                'fastify-*',
                '@fastify/*',
                'kysely',
                'kysely-*',
                'pg',
                'undici',
                'lru-cache',
                'pino',
                '@anthropic-ai/*',
              ],
              message: 'src/domain uses no framework, database, HTTP or cache library.',
            },
          ],
        },
      ],
    },
  },
  {
    // Queries know tables, not the services or routes that call them.
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/**', '**/http/**', '**/app.js'],
              message: 'src/db must not depend on services or routes.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // The admin page runs in the browser.
    files: ['src/http/admin/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        document: 'readonly',
        location: 'readonly',
        sessionStorage: 'readonly',
        fetch: 'readonly',
        FormData: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
);

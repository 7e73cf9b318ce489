// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'reports/**',
      'artifacts/**',
      '.local-cloud-data/**',
      '.stryker-tmp/**',
      'local-cloud/test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `import { z } from 'zod'` drags all of zod's locales (~360 KB) into every bundle.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
          message: "Use `import * as z from 'zod'` (or `import type { z }`): the named `z` defeats tree-shaking.",
        },
      ],
    },
  },
  {
    // The local cloud is a stand-in for WeChat Cloud, not part of this product: its core never
    // imports the product's development stack (seed, demo people, demo routes); src/cli.ts composes them.
    files: ['local-cloud/src/**/*.ts'],
    ignores: ['local-cloud/src/dev/**', 'local-cloud/src/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./dev', './dev/**', '../dev', '../dev/**', '**/src/dev', '**/src/dev/**'],
              message: 'The emulator core must not import src/dev/ (the product’s demo stack); compose in src/cli.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests talk to JSON over HTTP; `any` for response bodies keeps them readable.
    files: ['**/test/**/*.ts', '**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The explorer's lint: svelte's recommended rules plus the security rule that matters most here —
 * no `{@html}` anywhere, because chain strings are attacker-controlled.
 */
export default tseslint.config(
  { ignores: ['.svelte-kit/**', 'build/**', 'test-results/**', 'node_modules/**'] },
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      'svelte/no-at-html-tags': 'error',
      'svelte/no-target-blank': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'svelte/require-each-key': 'error',
      'svelte/no-navigation-without-resolve': 'off',
      // caches and per-render lookups use plain Maps on purpose: they must not trigger re-renders
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
);

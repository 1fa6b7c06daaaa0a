import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', '.cache/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The core is pure: corpus → passages → index → questions → answers → reply model. Transports live outside it.
    files: [
      'src/{story,corpus,passages,text,search,lexicon,questions,check,answers,reply,i18n}/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'discord.js',
            'discord-api-types',
            'discord-api-types/*',
            '@discordjs/*',
            'pino',
            'prom-client',
            // Nothing in the core imports upward: the command framework, the transports, start-up's
            // configuration and logging, and the commands are built on the core, never under it.
            '**/bot/*',
            '**/discord/*',
            '**/terminal/*',
            '**/config/*',
            '**/logging/*',
            '**/metrics/*',
            '**/commands/*',
          ],
        },
      ],
    },
  },
  {
    // The command framework knows no transport: Discord and the terminal are built on it.
    files: ['src/bot/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/discord/*', '**/terminal/*', '**/metrics/*'] },
      ],
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);

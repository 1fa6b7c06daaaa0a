import fc from 'fast-check';

/** Strings people (or attackers) paste into a bot: mentions, Markdown, regex syntax, scripts, floods. */
export const HOSTILE_SAMPLES = [
  '@everyone',
  '@here look',
  '<@123456789012345678> said',
  '<@&987654321098765432>',
  '<#123456789012345678>',
  '**bold** __under__ ~~gone~~ `code` ||spoiler||',
  '> quote\n# heading\n- list',
  '[click](https://evil.example)',
  '.*+?^${}()|[]\\',
  '__proto__',
  'constructor',
  'toString',
  '\u202Eright-to-left override\u202C',
  'zero\u200Bwidth\u200Dspaces\uFEFF',
  'مايكروسوفت مراجعة',
  'שיחה מקומית',
  '🔥💥 Microsoft 🔥',
  '"unclosed phrase',
  '""',
  '“”',
  '\u0000\u001b[31mred\u001b[0m',
  'x'.repeat(6000),
  'urgent review '.repeat(400),
  '   ',
  '',
];

/** Arbitrary strings, biased towards the hostile samples and to words from the story. */
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SAMPLES) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.constantFrom(
          'Microsoft',
          'review',
          'urgent',
          '"',
          '“',
          'Unit',
          '8200',
          '@everyone',
          '**',
          'Covington',
          '&',
          'Azure',
          'survellance',
          '-',
        ),
        { maxLength: 12 },
      )
      .map((words) => words.join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1000, maxLength: 6000 }) },
);

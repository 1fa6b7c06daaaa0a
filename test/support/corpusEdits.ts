/** An editor's changes to the shipped corpus, as text, for the tests of what changed. */

/** A new reference document: a Reuters report the corpus holds no text of. */
export const REUTERS_DOCUMENT = `---
id: reuters-2025-10-01
title: Microsoft review update
kind: article
publisher: Reuters
published: 2025-10-01
url: https://www.reuters.com/example
completeness: reference
---
`;

/** That document as corpus:diff reports it added (`--json`). */
export const REUTERS_ADDED = {
  id: 'reuters-2025-10-01',
  title: 'Microsoft review update',
  publisher: 'Reuters',
  published: 'October 1, 2025',
  url: 'https://www.reuters.com/example',
} as const;

/** The review status's text as story.yaml holds it, to be replaced. */
export const STATUS_TEXT = `    text: >-
      Ongoing. On September 25, 2025 Microsoft said it had stopped and disabled a set of services for
      a unit within the Israel Ministry of Defense and that the review was continuing. The corpus holds
      no published findings.`;

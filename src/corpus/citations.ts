import { findIgnoringTypography } from '../text/typography.js';
import type { CitationInput } from './schema.js';
import type { Citation, SourceDocument } from './corpusTypes.js';

/**
 * Resolves a citation written by an editor to a span of a document, or explains why it cannot be.
 * Quotes match ignoring typography only (an editor types straight quotes; the source has curly
 * ones): the span points at the source's own characters, which is what gets shown.
 */
export function resolveCitation(
  input: CitationInput,
  documents: ReadonlyMap<string, SourceDocument>,
): Citation | string {
  const document = documents.get(input.doc);
  if (!document) return `unknown document id "${input.doc}"`;
  if (document.completeness === 'reference') {
    if (input.quote !== undefined) {
      return `"${input.doc}" is a reference document (no text held), so it cannot be quoted; cite it without \`quote\``;
    }
    return { type: 'source', documentId: document.id };
  }
  if (input.quote === undefined) {
    return `"${input.doc}" holds text: cite a verbatim \`quote\` from it`;
  }
  const span = findIgnoringTypography(document.text, input.quote);
  if (!span) return `quote not found verbatim in "${input.doc}": "${input.quote}"`;
  return { type: 'quote', documentId: document.id, ...span };
}

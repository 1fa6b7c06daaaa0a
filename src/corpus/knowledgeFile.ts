import type { ProblemList } from './problems.js';
import { resolveCitation } from './citations.js';
import { KnowledgeSchema, type CitationInput, type KnowledgeInput } from './schema.js';
import type { Citation, Fact, Knowledge, SourceDocument } from './corpusTypes.js';
import { YamlSource } from './yamlSource.js';

export interface ParsedKnowledge {
  readonly input: KnowledgeInput;
  readonly yaml: YamlSource;
}

/** Reads corpus/story.yaml: schema only; citations need the documents (see `resolveKnowledge`). */
export function parseKnowledgeFile(
  file: string,
  source: string,
  problems: ProblemList,
): ParsedKnowledge | undefined {
  const yaml = new YamlSource(file, source.replace(/\r\n?/g, '\n'));
  if (!yaml.reportSyntax(problems)) return undefined;
  const parsed = KnowledgeSchema.safeParse(yaml.toJS() ?? {});
  if (!parsed.success) {
    yaml.reportSchema(problems, parsed.error);
    return undefined;
  }
  return { input: parsed.data, yaml };
}

/** Resolves every citation and party reference; reports each failure at its line. */
export function resolveKnowledge(
  { input, yaml }: ParsedKnowledge,
  documents: ReadonlyMap<string, SourceDocument>,
  problems: ProblemList,
): Knowledge {
  const cite = (citations: readonly CitationInput[], path: PropertyKey[]): Citation[] =>
    citations.flatMap((citation, index) => {
      // A document whose own file is broken was reported there; do not repeat it for each citation.
      if (problems.unusableDocumentIds.has(citation.doc)) return [];
      const resolved = resolveCitation(citation, documents);
      if (typeof resolved !== 'string') return [resolved];
      const at = [...path, 'cite', index, ...(citation.quote === undefined ? [] : ['quote'])];
      problems.add(yaml.file, yaml.lineOf(at), resolved);
      return [];
    });
  const fact = (value: { text: string; cite: CitationInput[] }, path: PropertyKey[]): Fact => ({
    text: value.text,
    citations: cite(value.cite, path),
  });

  const partyIds = new Set<string>();
  input.parties.forEach((party, index) => {
    if (partyIds.has(party.id)) {
      problems.add(
        yaml.file,
        yaml.lineOf(['parties', index, 'id']),
        `duplicate party id "${party.id}"`,
      );
    }
    partyIds.add(party.id);
  });
  const checkParty = (id: string, path: PropertyKey[]): void => {
    if (!partyIds.has(id)) problems.add(yaml.file, yaml.lineOf(path), `unknown party id "${id}"`);
  };

  input.parties.forEach((party, index) => {
    if (party.speaks_for !== undefined)
      checkParty(party.speaks_for, ['parties', index, 'speaks_for']);
  });
  const review = input.review;
  checkParty(review.announced.by, ['review', 'announced', 'by']);
  review.conducted_by.parties.forEach((id, index) =>
    checkParty(id, ['review', 'conducted_by', 'parties', index]),
  );

  const timeline = input.timeline
    .map((event, index) => ({
      date: event.date,
      when: event.when,
      text: event.event,
      tags: event.tags,
      citations: cite(event.cite, ['timeline', index]),
    }))
    // Stable: events on the same date keep the editors' order.
    .sort((a, b) => a.date.localeCompare(b.date));

  return {
    parties: input.parties.map((party, index) => ({
      id: party.id,
      name: party.name,
      aliases: party.aliases,
      role: party.role,
      speaksFor: party.speaks_for,
      citations: cite(party.cite, ['parties', index]),
    })),
    timeline,
    synonyms: input.synonyms,
    review: {
      subject: review.subject,
      announced: {
        ...fact(review.announced, ['review', 'announced']),
        date: review.announced.date,
        by: review.announced.by,
      },
      conductedBy: {
        ...fact(review.conducted_by, ['review', 'conducted_by']),
        parties: review.conducted_by.parties,
      },
      scope: fact(review.scope, ['review', 'scope']),
      promised: fact(review.promised, ['review', 'promised']),
      status: fact(review.status, ['review', 'status']),
    },
  };
}

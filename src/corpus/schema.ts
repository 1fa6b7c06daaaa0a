import { z } from 'zod';

/**
 * The shapes an editor writes: document front matter (corpus/*.md) and the editors' knowledge
 * (corpus/story.yaml). Field names are snake_case as typed in YAML; `corpusTypes.ts` holds the
 * checked, resolved model the rest of the code uses.
 */

export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const idMessage = 'lowercase letters, digits and dashes, at most 80 characters';

export const DocumentIdSchema = z.string().regex(DOCUMENT_ID, idMessage);
export const PartyIdSchema = z.string().regex(DOCUMENT_ID, idMessage);
export const IsoDateSchema = z.iso.date('expected a real date written YYYY-MM-DD');
/** A day, or a month when the day is not known (YYYY-MM). */
export const PartialDateSchema = z.union(
  [IsoDateSchema, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)],
  'expected a date written YYYY-MM-DD (or YYYY-MM when the day is unknown)',
);

/** When a source was published: a day, "on or after" a day, or between two days. */
export const PublishedSchema = z.union(
  [
    IsoDateSchema,
    z.strictObject({ on_or_after: IsoDateSchema }),
    z.strictObject({ between: z.tuple([IsoDateSchema, IsoDateSchema]) }),
  ],
  'expected YYYY-MM-DD, {on_or_after: YYYY-MM-DD} or {between: [YYYY-MM-DD, YYYY-MM-DD]}',
);

const Text = z.string().trim().min(1);

export const FrontMatterSchema = z
  .strictObject({
    id: DocumentIdSchema,
    title: Text,
    kind: z.enum(['article', 'statement']),
    publisher: Text,
    author: Text.optional(),
    published: PublishedSchema,
    url: z.httpUrl('expected an http(s) URL'),
    /** full: the whole text; excerpts: passages of it; reference: metadata only, no text held. */
    completeness: z.enum(['full', 'excerpts', 'reference']),
    /** For excerpts: the document they were taken from (each paragraph must appear in it verbatim). */
    via: DocumentIdSchema.optional(),
    /** The party whose words the document's own text is (a statement's issuer). */
    speaker: PartyIdSchema.optional(),
    /** Phrases this document uses to name a speaker ("the writers" → the-guardian). */
    speakers: z.record(Text, PartyIdSchema).default({}),
    /** Misspellings in the original, kept verbatim in the text and searchable under `means`. */
    sic: z.array(z.strictObject({ text: Text, means: Text })).default([]),
    notes: Text.optional(),
  })
  .superRefine((front, ctx) => {
    if (front.completeness === 'excerpts' && front.via === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['via'],
        message: 'excerpts need `via`: the id of the document they were taken from',
      });
    }
    if (front.completeness !== 'excerpts' && front.via !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['via'],
        message: '`via` only applies to completeness: excerpts',
      });
    }
  });
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** A citation: a verbatim quote from a document that holds text, or a reference-only source. */
export const CitationSchema = z.strictObject({
  doc: DocumentIdSchema,
  quote: Text.optional(),
});
export type CitationInput = z.infer<typeof CitationSchema>;

const Cite = z.array(CitationSchema).min(1, 'cite at least one source');

/** A statement in the editors' own words, with the sources that back it. */
export const FactSchema = z.strictObject({ text: Text, cite: Cite });

export const PartySchema = z.strictObject({
  id: PartyIdSchema,
  name: Text,
  /** Other names for the party, in documents and in questions (used by search and attribution). */
  aliases: z.array(Text).default([]),
  role: Text,
  /** The party this one speaks for (an officer for the company): their words are not told apart. */
  speaks_for: PartyIdSchema.optional(),
  cite: Cite,
});

export const TimelineEventSchema = z.strictObject({
  date: PartialDateSchema,
  /** How to say the date when it is vaguer than a day ("in the weeks following October 7, 2023"). */
  when: Text.optional(),
  event: Text,
  /** `review` marks events that belong to the state of Microsoft's review. */
  tags: z.array(Text).default([]),
  cite: Cite,
});

export const ReviewSchema = z.strictObject({
  subject: Text,
  announced: FactSchema.extend({ date: IsoDateSchema, by: PartyIdSchema }),
  conducted_by: FactSchema.extend({ parties: z.array(PartyIdSchema).min(1) }),
  scope: FactSchema,
  promised: FactSchema,
  status: FactSchema,
});

export const KnowledgeSchema = z.strictObject({
  parties: z.array(PartySchema).min(1),
  timeline: z.array(TimelineEventSchema).min(1),
  review: ReviewSchema,
  /** Words and phrases that mean the same in this story ("carry out" ~ "conduct"), for search. */
  synonyms: z.array(z.array(Text).min(2, 'a synonym group needs at least two entries')).default([]),
});
export type KnowledgeInput = z.infer<typeof KnowledgeSchema>;

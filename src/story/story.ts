import type { Corpus, SourceDocument } from '../corpus/corpusTypes.js';
import { buildPassages } from '../passages/buildPassages.js';
import type { Passage } from '../passages/passageTypes.js';
import { loadOrBuildIndex } from '../search/indexStore.js';
import { PassageIndex } from '../search/passageIndex.js';
import { SearchEngine } from '../search/searchEngine.js';
import { sharedLexicon, type Lexicon } from '../lexicon/lexicon.js';
import { answerUnits, type AnswerUnit } from '../questions/answerUnits.js';
import { QuestionAnswerer } from '../questions/answerQuestion.js';
import { StoryTerms } from '../questions/storyTerms.js';

/**
 * Everything the answers need, built once from a checked corpus: passages, the search engine and
 * look-ups. Immutable, so any number of requests can share it.
 */
export interface Story {
  readonly corpus: Corpus;
  readonly passages: readonly Passage[];
  readonly search: SearchEngine;
  /** The editors' knowledge as answers to questions (see questions/answerUnits.ts). */
  readonly units: readonly AnswerUnit[];
  readonly questions: QuestionAnswerer;
  /** What English says about words (WordNet), shared by the questions and the quote checker. */
  readonly lexicon: Lexicon;
  document(id: string): SourceDocument | undefined;
  passage(id: string): Passage | undefined;
  /**
   * The passage a document's text at `offset` belongs to: one of the document's own, or the
   * statement passage it was merged into when the document quotes that statement.
   */
  passageAt(documentId: string, offset: number): Passage | undefined;
}

export interface StoryOptions {
  /**
   * Where to keep the search index of a large corpus between runs (see indexStore.ts); without
   * it, the index is always built.
   */
  readonly indexCacheDir?: string | undefined;
}

export function createStory(corpus: Corpus, options: StoryOptions = {}): Story {
  const passages = buildPassages(corpus.documents, corpus.knowledge.parties);
  const input = {
    passages,
    documents: corpus.documents,
    parties: corpus.knowledge.parties,
    synonyms: corpus.knowledge.synonyms,
  };
  const index =
    options.indexCacheDir === undefined
      ? new PassageIndex(input)
      : loadOrBuildIndex(input, options.indexCacheDir).index;
  const documents = new Map(corpus.documents.map((d) => [d.id, d]));
  const byId = new Map(passages.map((p) => [p.id, p]));
  const lexicon = sharedLexicon();
  const search = new SearchEngine(index, corpus.documents, { isWord: (w) => lexicon.isWord(w) });
  const units = answerUnits(corpus, passages);
  // Built on the first question, not at start-up: /quote and the other commands never need it,
  // and a long-running bot prepares it right after it is ready (see bot/startup.ts).
  let questions: QuestionAnswerer | undefined;
  return {
    corpus,
    passages,
    search,
    units,
    get questions(): QuestionAnswerer {
      questions ??= new QuestionAnswerer(
        search,
        new StoryTerms(
          index,
          units,
          corpus.knowledge.parties,
          corpus.knowledge.synonyms,
          (w) => lexicon.baseForms(w),
          (w) => lexicon.placeOfAdjective(w),
        ),
        lexicon,
        corpus.documents,
      );
      return questions;
    },
    lexicon,
    document: (id) => documents.get(id),
    passage: (id) => byId.get(id),
    passageAt: (documentId, offset) =>
      passages.find(
        (p) =>
          (p.documentId === documentId && p.start <= offset && offset < p.end) ||
          p.quotedIn.some(
            (q) => q.documentId === documentId && q.start <= offset && offset < q.end,
          ),
      ),
  };
}

/**
 * Builds now what a story otherwise builds on first use — the completions of words being typed and
 * the question answering (WordNet, the editors' entries) — so no user waits for it.
 */
export function prepareStory(story: Story): void {
  story.search.index.prepareCompletions();
  story.questions.answer(story.corpus.knowledge.review.subject);
}

import { loadCorpus, repositoryPath } from '../corpus/loadCorpus.js';
import type { CommandModule } from './commandTypes.js';
import { CommandRouter } from './router.js';
import { createStory, type Story } from '../story/story.js';
import type { Corpus } from '../corpus/corpusTypes.js';

/** Search indexes of large corpora are kept here between runs (git-ignored). */
export const INDEX_CACHE_DIR = repositoryPath('.cache/index/');

/**
 * Loads and checks the corpus, builds the index and the command router: what every mode starts
 * with. The entry points hand in the commands (`commands/`), so the framework names none of them.
 */
export async function bootstrap(
  commands: readonly CommandModule[],
  corpusDirectory?: string,
): Promise<CommandRouter> {
  const corpus = await loadCorpus(corpusDirectory);
  return new CommandRouter(storyFrom(corpus), commands);
}

/** A checked corpus → the story the commands answer from (at start, and on each live reload). */
export function storyFrom(corpus: Corpus): Story {
  return createStory(corpus, { indexCacheDir: INDEX_CACHE_DIR });
}

import { fileURLToPath } from 'node:url';
import { commands } from '../../commands/index.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import { CommandRouter } from './router.js';
import { createStory } from '../story/story.js';

/** Search indexes of large corpora are kept here between runs (git-ignored). */
export const INDEX_CACHE_DIR = fileURLToPath(new URL('../../.cache/index/', import.meta.url));

/** Loads and checks the corpus, builds the index and the command router: what every mode starts with. */
export async function bootstrap(corpusDirectory?: string): Promise<CommandRouter> {
  const corpus = await loadCorpus(corpusDirectory);
  return new CommandRouter(createStory(corpus, { indexCacheDir: INDEX_CACHE_DIR }), commands);
}

import { commands } from '../../commands/index.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import { CommandRouter } from './router.js';
import { createStory } from './story.js';

/** Loads and checks the corpus, builds the index and the command router: what every mode starts with. */
export async function bootstrap(corpusDirectory?: string): Promise<CommandRouter> {
  const corpus = await loadCorpus(corpusDirectory);
  return new CommandRouter(createStory(corpus), commands);
}

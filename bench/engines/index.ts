import type { EngineBuilder, EngineName } from './engine.js';
import { buildMiniSearch } from './minisearch.js';
import { buildOrama } from './orama.js';
import { buildStoryBot } from './storyBot.js';

export const ENGINES: Readonly<Record<EngineName, EngineBuilder>> = {
  'story-bot': buildStoryBot,
  minisearch: buildMiniSearch,
  orama: buildOrama,
};

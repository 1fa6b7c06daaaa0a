import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A copy of the shipped corpus in a temporary directory, edited the way an editor would while a
 * bot answers from it: a new source saved, then the timeline entry citing it.
 */

export const FINDINGS = {
  documentId: 'example-2025-10-20-findings',
  title: 'Law firm hands Microsoft first findings of Azure review',
  /** The words the new timeline event says and cites. */
  event: 'Covington & Burling handed its first findings to Microsoft’s board.',
  quote: 'Covington & Burling handed its first findings to Microsoft’s board on October 20',
  date: 'October 20, 2025',
} as const;

const FINDINGS_DOCUMENT = `---
id: ${FINDINGS.documentId}
title: ${FINDINGS.title}
kind: article
publisher: Example Newswire
published: 2025-10-20
url: https://news.example/2025/10/20/azure-review-findings
completeness: full
---
${FINDINGS.quote}, the company said in a note to staff. The findings were not published.
`;

const FINDINGS_EVENT = `
  - date: 2025-10-20
    event: >-
      ${FINDINGS.event}
    tags: [review]
    cite:
      - doc: ${FINDINGS.documentId}
        quote: ${FINDINGS.quote}
`;

export interface EditorCorpus {
  readonly dir: string;
  readonly storyFile: string;
  /** Saves the new source, then (after `gapMs`) the timeline event that cites it. */
  addFindings(gapMs?: number): Promise<void>;
  /** Saves story.yaml with a timeline date that is no date; resolves with that line's number. */
  breakTimelineDate(): Promise<number>;
  /** Puts story.yaml back as it was first copied. */
  restoreStory(): Promise<void>;
  remove(): Promise<void>;
}

export async function editorCorpus(): Promise<EditorCorpus> {
  const dir = await mkdtemp(path.join(tmpdir(), 'story-bot-corpus-'));
  await cp(path.resolve('corpus'), dir, { recursive: true });
  const storyFile = path.join(dir, 'story.yaml');
  const original = await readFile(storyFile, 'utf8');
  const withEvent = (): string => {
    const at = original.indexOf('\nreview:');
    if (at < 0) throw new Error('story.yaml: no review section to insert the event before');
    return `${original.slice(0, at)}${FINDINGS_EVENT}${original.slice(at)}`;
  };
  return {
    dir,
    storyFile,
    async addFindings(gapMs = 100) {
      await writeFile(path.join(dir, `${FINDINGS.documentId}.md`), FINDINGS_DOCUMENT);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      await writeFile(storyFile, withEvent());
    },
    async breakTimelineDate() {
      const broken = original.replace('  - date: 2025-05-15\n', '  - date: 2025-15-45\n');
      if (broken === original) throw new Error('story.yaml: the 2025-05-15 event moved');
      await writeFile(storyFile, broken);
      return broken.slice(0, broken.indexOf('date: 2025-15-45')).split('\n').length;
    },
    async restoreStory() {
      await writeFile(storyFile, original);
    },
    async remove() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

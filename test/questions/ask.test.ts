import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import {
  quotesShown,
  type FactBlock,
  type NoteBlock,
  type PartBlock,
  type QuoteView,
  type Reply,
} from '../../src/reply/model.js';
import { renderTerminal } from '../../src/terminal/terminalRenderer.js';
import { editFile, replaceOnce, routerFor, seedFiles, seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

const ask = (question: string, on: CommandRouter = router): Reply =>
  on.run({ name: 'story', subcommand: 'ask', options: { question } });
const lead = (reply: Reply): FactBlock | undefined =>
  reply.blocks.find((b): b is FactBlock => b.type === 'fact');
const notes = (reply: Reply): NoteBlock[] =>
  reply.blocks.filter((b): b is NoteBlock => b.type === 'note');
/** What a reply shows, in order: its editors' entries and passages. */
const replyIds = (reply: Reply): string[] => [
  ...reply.blocks.flatMap((b) => (b.type === 'fact' && b.id !== undefined ? [b.id] : [])),
  ...quotesShown(reply).map((q) => q.id),
];
/** The first passage of the reply to `question`, which no editors' entry may lead. */
const firstPassageUnled = (question: string): QuoteView | undefined => {
  const reply = ask(question);
  expect(lead(reply), question).toBeUndefined();
  return quotesShown(reply)[0];
};

describe('/story ask: the editors’ knowledge answers', () => {
  it('GIVEN who a person is THEN leads with their party entry, in the editors’ words, cited', () => {
    const reply = ask('who is brad smith');
    expect(lead(reply)).toMatchObject({
      id: 'party:brad-smith',
      text: "Microsoft's vice chair and president; posted the September 25, 2025 update on the review.",
    });
    expect(lead(reply)?.citations[0]).toMatchObject({
      type: 'source',
      source: { documentId: 'microsoft-2025-09-25-update' },
    });
  });

  it('GIVEN whether a party is a kind of thing THEN leads with what the party is', () => {
    expect(lead(ask('is the guardian a uk paper or what'))?.id).toBe('party:the-guardian');
    // Asked as "who is X, like a Y", after an interjection that opens the message.
    expect(lead(ask('wait whos unit 8200 even, like a hacker grp??'))?.id).toBe('party:unit-8200');
  });

  it('GIVEN when something happened after the article THEN leads with the timeline event and says as of when', () => {
    const reply = ask('when did microsoft stop the services');
    expect(lead(reply)?.id).toBe('timeline:2025-09-25');
    expect(reply.footer).toMatch(/^As of September 25, 2025/);
  });

  it('GIVEN "what’s the latest" or "is it over" THEN leads with where the review stands', () => {
    for (const question of [
      'whats the latest',
      'is the review over',
      'where does the review stand now',
    ])
      expect(lead(ask(question))?.id, question).toBe('review:status');
  });

  it('GIVEN who runs the review THEN leads with who conducts it, then the passage it cites, whole', () => {
    const reply = ask('who is running the review?');
    expect(lead(reply)?.id).toBe('review:conducted-by');
    const [first] = quotesShown(reply);
    expect(first?.id).toBe('fox28-microsoft-azure-review:7.1');
    // The cited words in bold inside the whole sentence.
    expect(first?.highlights.length).toBe(1);
  });

  it('GIVEN what was "already" so THEN the passage that says what already was answers first', () => {
    // The article: "Israel already intercepted calls … but Azure allowed Unit 8200 to store …".
    for (const question of [
      'if israel could already tap the phones what did it need microsoft for',
      'israel could already listen to gaza calls, so why microsoft',
    ])
      expect(firstPassageUnled(question)?.id, question).toBe('fox28-microsoft-azure-review:4.1');
  });

  it('GIVEN words a review field matches only through the review’s subject THEN that field does not lead', () => {
    // Every review field is about "the Guardian's allegations about Unit 8200's use of Azure";
    // who conducts the review or what was promised is no answer to what the allegations are.
    for (const question of ['what is unit 8200 accused of', "what are the guardian's allegations"])
      expect(firstPassageUnled(question)?.text, question).toMatch(/allegations|claim/);
  });

  it('GIVEN a question the passages answer best THEN shows passages, best first, without a lead', () => {
    const reply = ask('what did microsoft say about rescuing hostages');
    expect(quotesShown(reply)[0]?.id).toBe('microsoft-2025-05-15-statement:1.2');
  });

  it('GIVEN a document’s author or title THEN answers from the source’s metadata', () => {
    expect(lead(ask('who wrote the guardian investigation'))?.id).toBe(
      'source:guardian-2025-08-06-million-calls',
    );
    // "Reporters" asks for a byline: the Guardian's, not a text that says "report".
    expect(lead(ask('which reporters were behind the guardian piece'))?.id).toBe(
      'source:guardian-2025-08-06-million-calls',
    );
    // A source without a byline is still the one asked about.
    expect(lead(ask('who wrote the fox 28 article'))?.id).toBe(
      'source:fox28-microsoft-azure-review',
    );
  });

  it('GIVEN "who is writing" a document THEN asks for its byline, as "who wrote" does', () => {
    expect(lead(ask('the microsoft statement from august 15, who is writing it?'))?.id).toBe(
      'source:microsoft-2025-08-15-update',
    );
    // So does whether a document is signed; a deal signed, or a sign-off, is no byline.
    expect(lead(ask('is the may 15 microsoft statement signed by anyone?'))?.id).toBe(
      'source:microsoft-2025-05-15-statement',
    );
    expect(
      lead(ask('when did unit 8200 first sign their deal with microsoft'))?.id ?? '',
    ).not.toMatch(/^source:/);
  });

  it('GIVEN whether a document links to another THEN its entry says which documents it links to', () => {
    const entry = lead(ask('does the fox 28 article actually link to the guardian investigation?'));
    expect(entry?.id).toBe('source:fox28-microsoft-azure-review');
    // Its link prompts ("To read the Guardian's investigative article …, click HERE.").
    expect(entry?.text).toContain(
      "It links to The Guardian's “'A million calls an hour': Israel relying on Microsoft cloud",
    );
    // The titles it links to are not its own words: they do not answer for it.
    expect(lead(ask('what was the guardian article called'))?.id).toBe(
      'source:guardian-2025-08-06-million-calls',
    );
  });

  it('GIVEN the headline of a document THEN answers from the source’s metadata', () => {
    // Not the review's announcement, whose entry says the review "started".
    expect(lead(ask('what was the headline of the guardian story that started it all'))?.id).toBe(
      'source:guardian-2025-08-06-million-calls',
    );
    // "The headline of" what a party published, with no noun for a document.
    expect(lead(ask("what was the headline of the guardian's original investigation?"))?.id).toBe(
      'source:guardian-2025-08-06-million-calls',
    );
  });

  it('GIVEN a party named with its country’s name, not its adjective THEN reads the party', () => {
    // "Israel army", as people write it, is the Israeli army: the IDF.
    const named = (question: string): (string | undefined)[] =>
      router.story.questions.explain(question).flatMap((e) => e.read.groups.map((g) => g.partyId));
    expect(named('did microsoft cut off the israel army')).toContain('idf');
    expect(named('what did the israel military do')).toContain('idf');
    // Texts are read with the names as they are: "Israel's military surveillance agency" is
    // Unit 8200, not the army.
    expect(named('what did israel’s military surveillance agency store')).toEqual([
      'unit-8200',
      undefined,
    ]);
  });

  it('GIVEN where a document was posted THEN answers from its address', () => {
    expect(lead(ask('what website was the september update posted on'))?.id).toBe(
      'source:microsoft-2025-09-25-update',
    );
    // A short follow-up ("which blog?") asks the same question again, more precisely.
    const reply = ask('where did microsoft put out its august statement? which blog');
    const facts = reply.blocks.filter((b): b is FactBlock => b.type === 'fact').map((f) => f.id);
    expect(facts).toEqual([
      'source:microsoft-2025-08-15-update',
      'source:microsoft-2025-08-15-update',
    ]);
  });
});

describe('/story ask: where something was', () => {
  it('GIVEN whether something was in a place the sources never name THEN leads with the entry that names a place within it', () => {
    for (const question of [
      'were the recordings kept on servers in europe or in israel?',
      'was the data in a european azure region',
      'which country was the data kept in',
      // The noun of "which X" as read, a typo corrected.
      'which contry were the servers in',
      // The place an adjective is of, which the sources name.
      'did the 8200 call data actually sit in a dutch datacenter??',
    ])
      expect(lead(ask(question))?.id, question).toBe('timeline:2025-09-25');
  });

  it('GIVEN the place the editors name changed THEN the answer follows it, with no code change', async () => {
    const files = editFile(await seedFiles(), 'story.yaml', (text) =>
      replaceOnce(text, 'storage capacity in the Netherlands', 'storage capacity in Ireland'),
    );
    const edited = routerFor(files);
    expect(lead(ask('was the data in a european azure region', edited))?.id).toBe(
      'timeline:2025-09-25',
    );
    expect(lead(ask('was the data stored somewhere in asia', edited))?.id).not.toBe(
      'timeline:2025-09-25',
    );
  });

  it('GIVEN such a place as who acted, not where THEN it is no place asked about', () => {
    const reply = ask('did the eu fine microsoft over this');
    expect(lead(reply)).toBeUndefined();
    expect(quotesShown(reply)).toEqual([]);
  });
});

describe('/story ask: an entry an editor adds is answerable with no code change', () => {
  it('GIVEN a new timeline event and a new party THEN questions about them lead with them', async () => {
    const files = editFile(await seedFiles(), 'story.yaml', (text) =>
      replaceOnce(
        replaceOnce(
          text,
          'timeline:\n',
          `timeline:
  - date: 2026-03-02
    event: Microsoft published the findings of the review by Covington & Burling LLP.
    tags: [review]
    cite:
      - doc: microsoft-2025-09-25-update
`,
        ),
        'parties:\n',
        `parties:
  - id: jane-doe
    name: Jane Doe
    aliases: [Doe]
    role: Spokesperson for the consulting firm that assists the review.
    cite:
      - doc: microsoft-2025-09-25-update
`,
      ),
    );
    const edited = routerFor(files);
    expect(lead(ask('when were the findings published', edited))?.id).toBe('timeline:2026-03-02');
    expect(lead(ask('who is jane doe', edited))?.id).toBe('party:jane-doe');
    // The seed corpus knows neither.
    expect(lead(ask('who is jane doe'))?.id).not.toBe('party:jane-doe');
  });
});

describe('/story ask: "the sources do not cover this"', () => {
  it('GIVEN a body the sources never mention THEN says so, names the words, shows no passage', () => {
    const reply = ask('what did the White House say');
    expect(quotesShown(reply)).toEqual([]);
    expect(reply.status).toBe('empty');
    const [note] = notes(reply);
    expect(note?.notCovered).toBe(true);
    expect(note?.text).toMatch(
      /^The sources do not cover this: nothing in them mentions “White House”/,
    );
    // …and what the bot can answer instead.
    expect(note?.text).toContain('/story timeline');
  });

  it('GIVEN a question that shares only the story’s everyday words THEN abstains', () => {
    for (const question of [
      'has the company ever said sorry',
      'what does google think about microsoft',
      'did amazon do the same thing with israel',
    ]) {
      expect(notes(ask(question))[0]?.notCovered, question).toBe(true);
      expect(quotesShown(ask(question)), question).toEqual([]);
    }
  });

  it('GIVEN names the story never uses beside its own words THEN abstains and names them', () => {
    const reply = ask('did palantir and ibm get the same allegations about their cloud in israel');
    expect(quotesShown(reply)).toEqual([]);
    expect(notes(reply)[0]?.text).toMatch(/nothing in them mentions “palantir”, “ibm”/);
    const pentagon = ask('what did the pentagon say about the microsoft azure allegations');
    expect(quotesShown(pentagon)).toEqual([]);
    expect(notes(pentagon)[0]?.text).toMatch(/nothing in them mentions “pentagon”/);
    // One strange name beside a question the sources answer is no reason to abstain.
    expect(notes(ask('i saw on reddit that microsoft cut off unit 8200, is that true'))).toEqual(
      [],
    );
  });

  it('GIVEN the words of a party no passage quotes THEN says the sources hold none', () => {
    const note = notes(ask('what did the idf say about the report'))[0];
    expect(note?.text).toContain("no passage in them is Israel Defense Forces (IDF)'s own words");
  });

  it('GIVEN a party an editors’ entry names only after a verb of saying THEN it is not one who speaks', () => {
    // "The Guardian … reported that Unit 8200 used …", "Microsoft says …": Unit 8200 says nothing.
    expect(notes(ask('what did unit 8200 say'))[0]?.text).toContain(
      "no passage in them is Unit 8200's own words",
    );
    // "Brad Smith said …": named before the verb, he speaks.
    expect(notes(ask('what did brad smith say'))).toEqual([]);
  });

  it('GIVEN a party who says, then a document of another party THEN asks for the words of the one who says', () => {
    // "say" is the verb of saying, not the later "report": the IDF says, not the Guardian.
    const note = notes(
      ask('what did the idf say when they were asked about the guardian report'),
    )[0];
    expect(note?.notCovered).toBe(true);
    expect(note?.text).toContain("no passage in them is Israel Defense Forces (IDF)'s own words");
  });

  it('GIVEN a party no passage quotes, named before a verb or a noun of saying THEN says the sources hold none', () => {
    const idf = "no passage in them is Israel Defense Forces (IDF)'s own words";
    // Past the verb of "put out any response", past "spokesperson" after the name.
    for (const question of [
      'has the idf put out any response',
      'what did the idf spokesperson say back to the guardian',
      // A noun of saying misspelled is one all the same, as read.
      'has the idf put out any statment',
    ])
      expect(notes(ask(question))[0]?.text, question).toContain(idf);
    // "They" deny in a follow-up: whoever said in the part before; a denial is words too.
    const reply = ask('what did the idf spokesperson say? did they deny it');
    expect(notes(reply).map((n) => n.notCovered)).toEqual([true, true]);
    expect(notes(reply)[1]?.text).toContain(idf);
    expect(quotesShown(reply)).toEqual([]);
  });

  it('GIVEN a noun of saying right after a name THEN it is the document asked about, not a verb', () => {
    // "The Guardian report" is a thing the question is about; "what did the Guardian report" asks
    // for its words.
    expect(notes(ask('what is on page 2 of the guardian report about unit 8200'))).toEqual([]);
    expect(notes(ask('what did the guardian report about unit 8200'))).toEqual([]);
  });

  it('GIVEN a party named "A of B" typed as "B’s A" THEN it is that party', () => {
    // "Government of Israel": "israel's government" names it, and it is quoted nowhere.
    expect(notes(ask("has israel's government responded to the report"))[0]?.text).toContain(
      "no passage in them is Government of Israel's own words",
    );
  });

  it('GIVEN a noun of saying after "say" THEN it is what was said about, and the party’s own words come first', () => {
    // "Report" after "say" is the Guardian's report, which Microsoft's own statement answers;
    // the article's report of what Microsoft said comes after it.
    expect(firstPassageUnled('what did microsoft say about the guardian report')?.id).toBe(
      'microsoft-2025-08-15-update:1.1',
    );
    const typed = ask('wat did microsft actualy say about the guardain report, exact qoute pls');
    expect(
      quotesShown(typed)
        .slice(0, 3)
        .map((q) => q.id),
    ).toContain('microsoft-2025-08-15-update:1.1');
  });

  it('GIVEN a name the story uses right before the verb of saying THEN it says, not a word typed earlier', () => {
    // "Rulebook" is typed before Microsoft, but Microsoft is who "claims".
    expect(
      notes(ask('what ethics rulebook does microsoft claim steers its work around the globe')),
    ).toEqual([]);
  });

  it('GIVEN only what the review is about matches THEN no field of the review answers', () => {
    // The review's subject (Microsoft, Unit 8200, the Guardian's allegations) is what each of
    // its fields is about, not what it answers: here nothing answers.
    const reply = ask('after msft cut them off did 8200 just move everything over to amazon aws?');
    expect(lead(reply)).toBeUndefined();
    expect(notes(reply)[0]?.notCovered).toBe(true);
    // It still ranks them: whose review it is finds who conducts it.
    expect(lead(ask('is microsoft doing the review itself'))?.id).toBe('review:conducted-by');
  });

  it('GIVEN a "when" clause in a question that does not ask when THEN it says at what time, and the rest must be matched', () => {
    // The Guardian's story is what the clause names, not what the question asks about.
    const reply = ask('did microsoft apologise when the guardian published its story');
    expect(notes(reply)[0]?.notCovered).toBe(true);
    expect(quotesShown(reply)).toEqual([]);
    // What the rest asks about is in the sources: answered.
    expect(lead(ask('did microsoft promise anything when it announced the review'))?.id).toBe(
      'review:promised',
    );
  });

  it('GIVEN a question that names nothing of its own after a remark THEN it is of what the remark says', () => {
    const reply = ask(
      'microsoft said israel did not use its technology to harm civilians. when they said this?',
    );
    expect(notes(reply).some((n) => n.notCovered)).toBe(false);
    expect(quotesShown(reply)[0]?.id).toBe('fox28-microsoft-azure-review:16.1');
    // "Is that true?" asks about all the remark says, its verbs too ("checked", "found").
    expect(
      lead(
        ask(
          'my mom keeps saying msft already checked this back in may and found nothing. is that true?',
        ),
      )?.id,
    ).toBe('timeline:2025-05-15');
    // "That piece" after a remark that names FOX 28 is FOX 28's article.
    expect(lead(ask('fox 28 spokane lol. who even wrote that piece'))?.id).toBe(
      'source:fox28-microsoft-azure-review',
    );
    // A remark that names no party is about the asker: nothing a question refers back to.
    expect(lead(ask('journalist here. who is brad smith'))?.id).toBe('party:brad-smith');
    expect(replyIds(ask('engineer here. how were they getting the calls'))).toEqual(
      replyIds(ask('how were they getting the calls')),
    );
  });

  it('GIVEN "how long after X did Y" THEN answers when Y was, not an amount', () => {
    const reply = ask('how long after the guardian story did microsoft announce its review?');
    expect(notes(reply).some((n) => n.notCovered)).toBe(false);
    // The Guardian's story is the time it asks after, not a document it asks for.
    expect(lead(reply)?.id).not.toBe('source:microsoft-2025-09-25-update');
    expect(quotesShown(reply)[0]?.id).toBe('fox28-microsoft-azure-review:5.1');
  });

  it('GIVEN "how long" and no amount of time in the sources THEN abstains', () => {
    // "How long" asks for an amount, like "how many": a weak relation of "long" is no answer.
    expect(
      notes(ask('how long had unit 8200 been on azure before anyone noticed'))[0]?.notCovered,
    ).toBe(true);
  });

  it('GIVEN "how much" and no amount in the sources THEN abstains', () => {
    expect(
      notes(ask('how much is microsoft paid by the israeli ministry of defense'))[0]?.notCovered,
    ).toBe(true);
    // The sources speak of the services Microsoft stopped, and of Unit 8200's use of Azure
    // storage; they give no amount of either — and they do mention "storage".
    for (const question of [
      'how many services did microsoft stop',
      'how much azure storage did unit 8200 use',
    ])
      expect(notes(ask(question))[0]?.text, question).toMatch(
        /^The sources do not cover this: they give no amount for/,
      );
    expect(notes(ask('what is the price of azure storage'))[0]?.text).not.toMatch(/“storage”/);
    // An amount near only the story's everyday words ("millions of calls … Microsoft") is none.
    expect(
      notes(
        ask(
          'how much money microsoft is losing because they stopped services for the israel ministry',
        ),
      )[0]?.notCovered,
    ).toBe(true);
    // "What they're getting paid" asks for an amount as "how much" does; what is paid for does not.
    const paid = ask('who is helping the law firm, and does anyone say what they are getting paid');
    expect(notes(paid).filter((n) => n.notCovered)).toHaveLength(1);
    expect(
      notes(ask('what kinda microsoft products does israels defence ministry pay for')).some(
        (n) => n.notCovered,
      ),
    ).toBe(false);
  });

  it('GIVEN real questions in other words THEN does not abstain', () => {
    for (const question of [
      'which lawyers are handling the investigation',
      'is the israeli ministry of defense a client of microsoft',
      'can they play the calls back',
    ])
      expect(notes(ask(question)), question).toEqual([]);
  });
});

describe('/story ask: several parts', () => {
  it('GIVEN two questions in one THEN answers each in its own part, in order', () => {
    const reply = ask('who is running it and when will we know?');
    const parts = reply.blocks.filter((b): b is PartBlock => b.type === 'part');
    expect(parts.map((p) => p.question)).toEqual(['who is running it', 'when will we know']);
    const facts = reply.blocks.filter((b): b is FactBlock => b.type === 'fact').map((f) => f.id);
    expect(facts[0]).toBe('review:conducted-by');
    expect(['review:promised', 'review:status']).toContain(facts[1]);
  });

  it('GIVEN "… and how did X reply" THEN the reply is to what the first part asked about', () => {
    const reply = ask('what did the guardian claim about unit 8200, and how did microsoft reply?');
    const second = reply.blocks.findLastIndex((b) => b.type === 'part');
    expect(second).toBeGreaterThan(0);
    // Microsoft's answer to the Guardian's claims: its formal review of them.
    expect(reply.blocks.slice(second).find((b) => b.type === 'quote')).toMatchObject({
      quote: { id: 'fox28-microsoft-azure-review:5.1' },
    });
    // Alone, "reply" is a verb of saying, not a word the sources must contain.
    expect(notes(ask('how did microsoft reply'))).toEqual([]);
  });

  it('GIVEN a bare "and when" THEN answers it about the first part’s subject', () => {
    const reply = ask('who published the investigation and when');
    const ids = quotesShown(reply).map((q) => q.id);
    expect(ids).toContain('fox28-microsoft-azure-review:2.1');
    expect(reply.blocks.filter((b) => b.type === 'part')).toHaveLength(2);
  });

  it('GIVEN a later part whose named party does something to "them" or "it" THEN they are what the part before asked about', () => {
    // "Them": the firm that answered "who's the law firm"; Microsoft brought them in.
    const firm = ask("who's the law firm on the review and when did msft bring them in");
    expect(notes(firm)).toEqual([]);
    // "It": the Guardian story — not Microsoft, who says "it would".
    expect(
      notes(
        ask(
          'when did the guardian story come out? and when did microsoft say it would look into it',
        ),
      ),
    ).toEqual([]);
    // What "it" stands for is no answer to what the part asks about it.
    const fired = ask(
      'what did the may statement conclude, and did any msft execs get fired over it',
    );
    expect(notes(fired).map((n) => n.notCovered)).toEqual([true]);
  });

  it('GIVEN one part the sources cover and one they do not THEN answers one and abstains on the other', () => {
    const reply = ask('who is covington and what did the white house say');
    expect(lead(reply)?.id).toBe('party:covington');
    expect(notes(reply).map((n) => n.notCovered)).toEqual([true]);
    expect(reply.status).toBe('ok');
  });

  it('GIVEN "Covington and Burling" or "approval and denial" THEN keeps one question', () => {
    for (const question of [
      'who is covington and burling',
      'was there approval and denial of requests',
    ])
      expect(
        ask(question).blocks.some((b) => b.type === 'part'),
        question,
      ).toBe(false);
  });
});

describe('/story ask: words people type', () => {
  it('GIVEN typos of story words THEN reads them right and says so only when the answer rests on them', () => {
    const reply = ask('whos doin the reveiw');
    expect(lead(reply)?.id).toBe('review:conducted-by');
    expect(reply.intro).toBe('Read “reveiw” as “review”.');
    // A question word with a letter left out is that word ("whn" is "when", not "who").
    expect(quotesShown(ask('whn did microsfot anounce the reveiw exactly'))[0]?.id).toBe(
      'fox28-microsoft-azure-review:5.1',
    );
  });

  it('GIVEN two English words written as one THEN it is a word, not a name the sources never use', () => {
    // WordNet has no "standalone"; "stand" and "alone" are English, so it is no name to abstain on.
    const reply = ask('was the aug 15 announcement a standalone press release?');
    expect(notes(reply).some((n) => n.notCovered)).toBe(false);
    expect(notes(ask('did google and amazon face the same accusations'))[0]?.notCovered).toBe(true);
  });

  it('GIVEN ordinary English words the sources do not use THEN never “corrects” them', () => {
    const reply = ask('has the company ever said sorry');
    expect(reply.intro ?? '').not.toContain('Read');
    expect(ask('what did the white house say').intro ?? '').not.toContain('while');
  });

  it('GIVEN a typo of a word only the editors’ entries use THEN reads it right', () => {
    const reply = ask('was the data kept in the netherlnads');
    expect(lead(reply)?.id).toBe('timeline:2025-09-25');
    expect(reply.intro).toBe('Read “netherlnads” as “netherlands”.');
  });

  it('GIVEN /quote THEN only a word that is not English is taken for a typo', () => {
    const whiteHouse = router.runLine('/quote text:White House').reply;
    expect(whiteHouse.status).toBe('empty');
    expect(whiteHouse.intro).toContain('No source uses: White, House.');
    expect(router.runLine('/quote text:survellance').reply.intro).toContain(
      'Read as: survellance → surveillance',
    );
  });

  it('GIVEN an answer whose newest source ran on an unknown day THEN says "as of … or later"', () => {
    expect(ask('whos doin the reveiw').footer).toMatch(/^As of August 15, 2025 or later:/);
  });

  it('GIVEN chat forms THEN reads them as the words they stand for', () => {
    expect(lead(ask('wut even is unit 8200'))?.id).toBe('party:unit-8200');
    expect(lead(ask('whats the latest'))?.id).toBe('review:status');
    // Contractions typed with their apostrophe are spelled out, not read as possessives.
    expect(lead(ask("what's unit 8200"))?.id).toBe('party:unit-8200');
    expect(lead(ask('who’s brad smith'))?.id).toBe('party:brad-smith');
    // Chat fillers say nothing of the topic.
    expect(lead(ask('is the review finished or nah lol'))?.id).toBe('review:status');
  });

  it('GIVEN a status question in verbs the sources do not use THEN where the review stands answers it', () => {
    expect(lead(ask('has the review finished yet or is it dragging on'))?.id).toBe('review:status');
  });

  it('GIVEN "over" or "done" before what they govern THEN they do not ask where things stand', () => {
    expect(lead(ask('is the review over yet'))?.id).toBe('review:status');
    expect(lead(ask('what were the complaints over the azure deal'))?.id).not.toBe('review:status');
    // At the end of the question but before what they govern: a preposition, not a state.
    const protest = ask('did any microsoft employees quit or protest over this?');
    expect(lead(protest)?.id).not.toBe('review:status');
    expect(notes(protest)[0]?.notCovered).toBe(true);
  });

  it('GIVEN a status question about something the sources never speak of THEN where the review stands does not answer it', () => {
    // "Done" asks where things stand, but a deadline is nothing the sources mention.
    expect(lead(ask('is there any deadline for when covington has to be done'))?.id).not.toBe(
      'review:status',
    );
    // What the sources do speak of still gets where things stand.
    expect(lead(ask('is the covington review done yet'))?.id).toBe('review:status');
  });
});

describe('link prompts', () => {
  it('GIVEN “To read …, click HERE” THEN it is never an answer', () => {
    const shown = [
      'where can I read the guardian investigation',
      'what was microsoft’s response',
      'guardian investigative article into microsoft',
    ].flatMap((q) => quotesShown(ask(q)).map((quote) => quote.id));
    expect(shown).not.toContain('fox28-microsoft-azure-review:18.1');
    expect(shown).not.toContain('fox28-microsoft-azure-review:18.2');
  });

  it('GIVEN /quote finds one THEN it shows the document it links to', () => {
    const reply = router.runLine('/quote text:"click HERE"').reply;
    const quotes = quotesShown(reply);
    expect(quotes.map((q) => q.linksTo?.documentId)).toEqual(
      expect.arrayContaining(['guardian-2025-08-06-million-calls', 'microsoft-2025-08-15-update']),
    );
    expect(renderTerminal(reply, { color: false })).toContain('a link to ');
  });
});

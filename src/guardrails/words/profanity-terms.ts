/**
 * The managed profanity list: obscenity's English dataset, trimmed and extended.
 *
 * What counts as profanity here: swearing, vulgar sexual slang and slurs, in any spelling.
 * What does not:
 * - clinical or neutral words for sex and the body (sex, anal, penis, vagina, semen, orgasm...) and
 *   crimes (rape, incest): they are everyday words in health, legal and news text, and the content
 *   filter's `sexual` and `violence` categories judge them in context;
 * - mild oaths (damn, hell, crap, bloody): common in ordinary speech and in quotes ("hell of a
 *   day", "hell's kitchen"); tenants who want them blocked can list them as custom words.
 * Pattern syntax is obscenity's: `|` a word boundary, `[x]` optional, `?` any one character; the
 * text is matched after leet, confusable and repeated-letter folding (see profanity-matcher.ts).
 */
import { DataSet, SyntaxKind, englishDataset, parseRawPattern } from 'obscenity';
import type { ParsedPattern } from 'obscenity';

const REMOVED_WORDS = new Set<string>([
  'anal', 'anus', 'bestiality', 'ejaculate', 'incest', 'orgasm', 'penis', 'porn', 'rape', 'semen',
  'sex', 'vagina',
]);

interface ExtraPhrase {
  patterns: string[];
  whitelist?: string[];
}

// Spellings and words the English dataset lacks. Patterns are written for the folded text, where
// runs of a letter are collapsed (to two for b, e, o, l, s, g; to one otherwise).
const EXTRA_PHRASES: ExtraPhrase[] = [
  // "porn" only at a word start: compounds like food porn or ruin porn are figurative.
  { patterns: ['|porn', '|prn|'] },
  { patterns: ['|fuc|', '|fucin', '|fuq', '|phuc', '|phuk', '|fck', '|fcuk'] },
  { patterns: ['|stfu|', '|gtfo|', '|wtf|', '|mofo'] },
  { patterns: ['|shyt'] },
  { patterns: ['|biatch', '|biotch', '|beyotch', '|bytch'] },
  { patterns: ['|hoe|', '|hoes|', '|hoez|'] },
  { patterns: ['p[u]ssies'] },
  // "-ass" compounds are listed one by one: a suffix rule would hit class, grass, bass, compass.
  { patterns: ['jackass', 'dumbass', '|dumass', 'smartass', '|fatass', 'lazyass', 'kissass', 'halfass'] },
  { patterns: ['|douche', '|skank', '|thot|', '|thots|'] },
  // "nicca" reads "nica" once the doubled c is collapsed.
  { patterns: ['n[i]gguh', 'nigglet', '|niglet', '|nica|', '|nicas|'] },
  { patterns: ['|coon|', '|coons|', 'jigaboo', 'jiggaboo', 'jigga boo', 'porch monkey', 'porch monkies'] },
  { patterns: ['|spic|', '|spics|', 'wetback', '|gook|', '|gooks|', 'raghead', 'towelhead', '|wop|', '|wops|'] },
  { patterns: ['|wigger', '|wigga', '|honky', '|honkies', 'white trash', 'peckerwood'] },
];

/** Whitelisted terms that the dataset's own list misses (matched on lower-cased text). */
const EXTRA_WHITELIST = [
  'spic and span', 'spic-and-span', 'honky tonk', 'honky-tonk', 'doo wop', 'doo-wop', 'cockpit',
  'cumin', 'cum laude', 'shiitake', 'food porn', 'pornograph', 'assyri', 'fuku',
];

/** Dataset patterns dropped, in obscenity syntax: "fu" alone is far more often the surname Fu. */
const REMOVED_PATTERNS = new Set(['|fu|']);

/**
 * Phrases matched on the source text (case-insensitive, any whitespace between words), for the few
 * whose meaning the folded text loses: collapsing runs turns "off" into "of", and "jack of all
 * trades" must not read as "jack off".
 */
const SOURCE_PHRASES = ['jerk off', 'jerking off', 'jerked off', 'jack off', 'jacking off', 'blow job', 'hand job'];

export interface ProfanityTerms {
  patterns: ParsedPattern[];
  whitelist: string[];
  /** regex source for SOURCE_PHRASES, to compile with `giu` */
  sourcePhrases: string;
  /** regex source for the phrases' last words: a text without one holds no phrase (a cheaper scan) */
  sourcePhraseEnds: string;
}

export function buildProfanityTerms(): ProfanityTerms {
  const dataset = new DataSet<{ originalWord: string }>()
    .addAll(englishDataset)
    .removePhrasesIf((phrase) => REMOVED_WORDS.has(phrase.metadata?.originalWord ?? ''));
  for (const extra of EXTRA_PHRASES) {
    dataset.addPhrase((phrase) => {
      for (const source of extra.patterns) phrase.addPattern(parseRawPattern(source));
      for (const term of extra.whitelist ?? []) phrase.addWhitelistedTerm(term);
      return phrase;
    });
  }
  const built = dataset.build();
  return {
    patterns: built.blacklistedTerms.map((term) => term.pattern).filter((p) => !REMOVED_PATTERNS.has(describe(p))),
    whitelist: [...(built.whitelistedTerms ?? []), ...EXTRA_WHITELIST],
    sourcePhrases: `\\b(?:${SOURCE_PHRASES.map((phrase) => phrase.replace(/ /g, '\\s+')).join('|')})\\b`,
    sourcePhraseEnds: [...new Set(SOURCE_PHRASES.map((phrase) => phrase.slice(phrase.lastIndexOf(' ') + 1)))].join('|'),
  };
}

/** Writes a parsed pattern back in obscenity syntax. */
function describe(pattern: ParsedPattern): string {
  const body = pattern.nodes
    .map((node) => {
      if (node.kind === SyntaxKind.Literal) return String.fromCodePoint(...node.chars);
      if (node.kind === SyntaxKind.Wildcard) return '?';
      const child = node.childNode;
      return `[${child.kind === SyntaxKind.Literal ? String.fromCodePoint(...child.chars) : '?'}]`;
    })
    .join('');
  return `${pattern.requireWordBoundaryAtStart ? '|' : ''}${body}${pattern.requireWordBoundaryAtEnd ? '|' : ''}`;
}

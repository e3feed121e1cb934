/**
 * Word lists behind the NAME recognizer, loaded lazily once:
 * - given names, surnames, places and parts of speech from `compromise`'s English lexicon;
 * - ordinary English words from the GPT-2 BPE vocabulary shipped with `gpt-tokenizer`: a word that
 *   is a whole lower-case token (" statement") at least as often as a capitalised one is an
 *   everyday word, while names only appear capitalised (" Kevin", never " kevin");
 * - the lists in this folder for what both lack (European given names, honorifics, org words).
 */
import { createRequire } from 'node:module';
import { forEachGpt2WordToken } from '../../gpt2-vocabulary.js';
import { EXTRA_FIRST_NAMES } from './first-names.js';

export interface NameLexicon {
  first: ReadonlySet<string>;
  last: ReadonlySet<string>;
  /** Given names (or surnames) that are also everyday words: "Will", "Rose", "Park". */
  ambiguous: ReadonlySet<string>;
  /** Ordinary words (any part of speech, English first) that are not names. */
  common: ReadonlySet<string>;
  places: ReadonlySet<string>;
  demonyms: ReadonlySet<string>;
  verbs: ReadonlySet<string>;
}

type LexiconTable = Record<string, string | string[]>;
interface CompromiseWorld {
  world(): { model: { one: { lexicon: LexiconTable } } };
}

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'ProperNoun']);
const FIRST_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place']);
const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Copula', 'Modal', 'Auxiliary', 'Gerund', 'Verb']);

/** Given names that are also places or words in a way the vocabulary test cannot see. */
const AMBIGUOUS_FIRST =
  'victoria florence austin paris jordan georgia india asia china sydney brooklyn dallas houston phoenix vienna ' +
  'adelaide lincoln madison washington camden orlando charlotte chelsea devon kent lourdes sierra israel';

const EXTRA_PLACES =
  'greenland faroe iceland scandinavia europe africa america asia oceania antarctica balkans caucasus siberia ' +
  'england scotland wales ireland britain holland flanders wallonia bavaria saxony tyrol lapland catalonia ' +
  'andalusia galicia sicily sardinia corsica crete cyprus bohemia moravia silesia transylvania';

let cached: NameLexicon | undefined;

function tagsOf(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * compromise's English lexicon. Nothing else uses the library: its module leaves the require
 * cache again, so its model (several MB) goes once the sets below are built from the table.
 */
function compromiseLexicon(): LexiconTable {
  const require = createRequire(import.meta.url);
  const path = require.resolve('compromise/two');
  try {
    return (require(path) as CompromiseWorld).world().model.one.lexicon;
  } finally {
    Reflect.deleteProperty(require.cache, path);
  }
}

/** Lower-case words that GPT-2's vocabulary uses as everyday words (see the module comment). */
function everydayWords(): Set<string> {
  const lowerRank = new Map<string, number>();
  const titleRank = new Map<string, number>();
  forEachGpt2WordToken((token, rank) => {
    if (token.charCodeAt(0) !== 32 || token.length < 3) return;
    const word = token.slice(1);
    if (/^\p{Ll}+$/u.test(word)) lowerRank.set(word, rank);
    else if (/^\p{Lu}\p{Ll}+$/u.test(word)) titleRank.set(word.toLowerCase(), rank);
  });
  const words = new Set<string>();
  // Frequent lower-case tokens are everyday words unless the capitalised form is far more frequent;
  // rare ones (often fragments of usernames or URLs) must beat the capitalised form outright.
  for (const [word, rank] of lowerRank) {
    const title = titleRank.get(word) ?? Number.MAX_SAFE_INTEGER;
    if (rank <= 20_000 ? rank < 2 * title : rank < title) words.add(word);
  }
  return words;
}

export function nameLexicon(): NameLexicon {
  if (cached) return cached;
  const table = compromiseLexicon();
  const everyday = everydayWords();
  const first = new Set<string>();
  const last = new Set<string>();
  const ambiguous = new Set<string>(AMBIGUOUS_FIRST.split(' '));
  const common = new Set<string>(everyday);
  const places = new Set<string>(EXTRA_PLACES.split(' '));
  const demonyms = new Set<string>();
  const verbs = new Set<string>();
  const addFirst = (w: string): void => void (everyday.has(w) || ambiguous.has(w) ? ambiguous : first).add(w);
  for (const w of EXTRA_FIRST_NAMES) addFirst(w);
  for (const [word, value] of Object.entries(table)) {
    if (word.includes(' ')) continue;
    const tags = tagsOf(value);
    if (tags.some((t) => FIRST_TAGS.has(t))) addFirst(word);
    if (tags.includes('LastName')) (everyday.has(word) ? ambiguous : last).add(word);
    if (tags.some((t) => PLACE_TAGS.has(t))) places.add(word);
    if (tags.includes('Demonym')) demonyms.add(word);
    if (tags.some((t) => VERB_TAGS.has(t))) verbs.add(word);
    if (!tags.some((t) => NAME_TAGS.has(t) || PLACE_TAGS.has(t))) common.add(word);
  }
  for (const w of first) common.delete(w);
  for (const w of last) common.delete(w);
  for (const w of ambiguous) common.delete(w);
  cached = { first, last, ambiguous, common, places, demonyms, verbs };
  return cached;
}

export const HONORIFICS = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir madam madame dame lady lord rev reverend fr father sister brother ' +
    'mme mlle herr frau señor señora sra sr don doña dott capt captain col colonel gen general lt sgt officer ' +
    'det detective judge justice president senator rep governor mayor'
  ).split(' '),
);

/** Letters after a name that are not a new word: "Kathrine Filemonsen DDS", "John Smith Jr". */
export const NAME_SUFFIXES = new Set('jr sr ii iii iv phd md dds dmd esq mba cpa rn jd llm do'.split(' '));

/** Lower-case name particles that may sit inside a name: "Willem van Gijn", "Ana de la Cruz". */
export const PARTICLES = new Set(
  'van von de der den ten ter da di du del della dos das do la le bin ibn al el af zu y e st'.split(' '),
);

/** Verbs whose subject is nearly always a person: "Adomo began writing", "Mourik said". */
export const HUMAN_VERBS = new Set(
  (
    'said says told tells asked asks shouted yelled screamed whispered replied answered explained added noted ' +
    'lives lived spent spends began begins wrote writes flew flies went goes moved married joined left died ' +
    'works worked studied studies thinks thought knows knew wants wanted loves loved likes liked smiled laughed ' +
    'cried listed decided started grew met helped arrived returned visited became sang sings played won drove ' +
    'walked ran runs sat stood looked felt feels believes believed hoped tried agreed argued admitted claimed ' +
    'insisted announced retired graduated teaches taught learned speaks spoke talked talks reads sent sends ' +
    'bought paid earned owns owned founded directed produced composed painted designed published recorded ' +
    'performed starred remembers remembered wonders wondered'
  ).split(' '),
);

/** Words that mark an organisation, a title of a work or a public body rather than a person. */
export const ORG_WORDS = new Set(
  (
    'inc incorporated llc llp ltd limited plc gmbh ag sa nv bv corp corporation company co group holdings ' +
    'partners associates technologies technology systems solutions software analytics research consulting ' +
    'capital insurance bank banking financial finance services global international labs laboratories markets ' +
    'media health insights transit data networks foundation institute university college school academy club ' +
    'orchestra band society association council committee agency department ministry government airlines motors ' +
    'energy pharma records studios entertainment publishing press news times post journal weekly magazine tv ' +
    'radio force army navy party church hospital center centre museum library hotel restaurant cafe bar ' +
    'enterprises industries brothers sons trust fund realty properties logistics communications telecom ' +
    'electric electronics automotive manufacturing foods beverages stores supermarket mall gallery theatre ' +
    'theater stadium arena festival awards court act treaty article union republic kingdom federation'
  ).split(' '),
);

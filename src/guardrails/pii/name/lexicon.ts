/**
 * Word lists behind the NAME recognizer. The general English lexicon (given names, surnames,
 * places, ordinary words with their parts of speech) comes from `compromise`, loaded lazily once;
 * the lists here add what it lacks.
 */
import { createRequire } from 'node:module';
import { EXTRA_FIRST_NAMES } from './first-names.js';

export interface NameLexicon {
  first: ReadonlySet<string>;
  last: ReadonlySet<string>;
  /** Ordinary English words (any part of speech) that are not also names. */
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

/** Given names that are also everyday words; they count as names only with more evidence. */
export const AMBIGUOUS_FIRST = new Set(
  (
    'will may mark bill grant rose hope faith joy summer dawn art sunny frank june april august dale hunter chase max ' +
    'ray gene guy pat sue don jack jay lee rich bob ken cliff glen rod drew jean pearl ruby crystal amber ivy holly ' +
    'lily iris daisy page brook robin wade miles buck carol penny honey candy misty stormy river sky rain autumn ' +
    'winter angel major king prince duke earl baron royal sterling bishop dean price chance clay hazel norm sandy ' +
    'rusty chip lance pierce reed stone wood young white black brown green gray grey long short hall park mann ' +
    'key hill bell love english french german norman able early moss said case gay destiny harmony justice ' +
    'liberty trinity mercy grace victoria florence austin paris jordan georgia india asia china sydney brooklyn ' +
    'dallas houston phoenix vienna adelaide lincoln madison washington camden orlando'
  ).split(' '),
);

const EXTRA_PLACES =
  'greenland faroe iceland scandinavia europe africa america asia oceania antarctica balkans caucasus siberia ' +
  'england scotland wales ireland britain holland flanders wallonia bavaria saxony tyrol lapland catalonia ' +
  'andalusia galicia sicily sardinia corsica crete cyprus bohemia moravia silesia transylvania';

let cached: NameLexicon | undefined;

function tagsOf(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

export function nameLexicon(): NameLexicon {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const nlp = require('compromise/two') as CompromiseWorld;
  const table = nlp.world().model.one.lexicon;
  const first = new Set<string>(EXTRA_FIRST_NAMES);
  const last = new Set<string>();
  const common = new Set<string>();
  const places = new Set<string>(EXTRA_PLACES.split(' '));
  const demonyms = new Set<string>();
  const verbs = new Set<string>();
  for (const [word, value] of Object.entries(table)) {
    if (word.includes(' ')) continue;
    const tags = tagsOf(value);
    if (tags.some((t) => FIRST_TAGS.has(t))) first.add(word);
    if (tags.includes('LastName')) last.add(word);
    if (tags.some((t) => PLACE_TAGS.has(t))) places.add(word);
    if (tags.includes('Demonym')) demonyms.add(word);
    if (tags.some((t) => VERB_TAGS.has(t))) verbs.add(word);
    if (!tags.some((t) => NAME_TAGS.has(t) || PLACE_TAGS.has(t))) common.add(word);
  }
  for (const w of AMBIGUOUS_FIRST) {
    first.delete(w);
  }
  cached = { first, last, common, places, demonyms, verbs };
  return cached;
}

export const HONORIFICS = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir madam madame dame lady lord rev reverend fr father sister brother ' +
    'mme mlle herr frau señor señora sra sr don doña dott capt captain col colonel gen general lt sgt officer ' +
    'det detective judge justice president senator rep governor mayor'
  ).split(' '),
);

/** Lower-case name particles that may sit inside a name: "Willem van Gijn", "Ana de la Cruz". */
export const PARTICLES = new Set(
  'van von de der den ten ter da di du del della dos das do la le bin ibn al el af zu y e st'.split(' '),
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

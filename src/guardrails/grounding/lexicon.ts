/**
 * Static word lists for the grounding scorer, built once at module load.
 *
 * Function words carry no claim of their own, so they neither support nor undermine an answer.
 * The synonym groups let a plain paraphrase ("finished" for "completed") count as support.
 */

// Grammar that carries no checkable claim. Negations, quantifiers and comparisons ("not",
// "both", "only", "before", "older") are deliberately absent: they are claims of their own.
const FUNCTION_WORDS = `
a an the and or nor but yet so if then because although though while whereas unless since until
of in on at to for from by with as into onto upon via per about than
through between among within during across along around against toward towards near off out up down
is are was were be been being am do does did doing done has have had having
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
this that these those there here which who whom whose what when where why how whether
can could may might must shall should will would
s t d ll re ve m o y answer question
`;

/** Words that frame a claim without adding checkable content. */
const HEDGE_WORDS = `
actually approximately basically certainly clearly definitely generally indeed likely mainly mostly
probably simply truly usually also today currently nowadays presently roughly nearly almost
notably additionally furthermore moreover meanwhile respectively
`;

/** Words that decide a claim's truth by comparing, ordering or negating. */
const RELATION_WORDS = `
not never no none nobody nothing neither without only
more most less least fewer fewest before after earlier earliest later latest first last
older oldest younger youngest higher highest lower lowest larger largest smaller smallest
bigger biggest longer longest shorter shortest closer closest further furthest farther farthest
better best worse worst greater greatest taller tallest over above under below
`;

/** Groups of words treated as the same claim content; matched after stemming. */
const SYNONYM_GROUPS: readonly string[] = [
  'complete finish end conclude',
  'build construct erect',
  'begin start commence launch found establish',
  'create make produce develop',
  'die pass decease',
  'born birth',
  'buy purchase acquire',
  'sell sold',
  'win won victory',
  'big large huge major',
  'small little minor tiny',
  'film movie picture',
  'song track single',
  'author writer novelist',
  'write wrote written author',
  'city town',
  'country nation state',
  'company firm business corporation enterprise',
  'job occupation profession career work',
  'show series programme program',
  'lead head chief',
  'home house residence',
  'call name title',
  'locate situate base',
  'famous renowned noted celebrated known',
  'group band ensemble',
  'join enter',
  'leave depart quit',
  'help assist aid',
  'use employ utilize utilise',
  'show demonstrate display',
  'car automobile vehicle',
  'child kid offspring',
  'wife spouse husband',
  'award prize honor honour',
  'game match',
  'team club squad',
  'old ancient',
  'appear star feature',
  'direct director',
  'sing singer vocalist',
  'medicine drug medication',
  'physician doctor',
  'rise increase grow',
  'more over above exceed',
  'less under below fewer',
  'fall decrease decline drop',
];

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1000000, billion: 1000000000,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, once: 1, twice: 2, single: 1, double: 2, triple: 3, dozen: 12,
};

function wordSet(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter((word) => word.length > 0));
}

export const functionWords: ReadonlySet<string> = new Set([...wordSet(FUNCTION_WORDS), ...wordSet(HEDGE_WORDS)]);

/** Answer-initial polarity words: "No, ..." states a verdict, not a checkable term. */
export const polarityWords: ReadonlySet<string> = new Set(['yes', 'no', 'yeah', 'nope', 'correct', 'true', 'false']);

export const relationWords: ReadonlySet<string> = wordSet(RELATION_WORDS);

/** Number words that state a count ("seven"), unlike ordinals and "one", which often do not. */
export const cardinalWords: ReadonlySet<string> = wordSet(`
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
million billion dozen
`);

/** Bare conjunctions that may join two separate claims ("makes chips and opened an office"). */
export const coordinators: ReadonlySet<string> = wordSet('and but while whereas yet');

/** Determiners that make the noun after them refer back ("The museum was founded ..."). */
export const definiteDeterminers: ReadonlySet<string> = wordSet('the this that these those');

/** Pronouns that make a sentence continue the one before it. */
export const pronouns: ReadonlySet<string> = wordSet('he she it they him her his its their them');

/** Lower-case words allowed inside a name ("Art Gallery of Ontario", "Ludwig van Beethoven"). */
export const nameConnectors: ReadonlySet<string> = wordSet('of the de la le van von der del da di du and &');

export const numberWords: ReadonlyMap<string, number> = new Map(Object.entries(NUMBER_WORDS));

/** Splits the synonym groups with the caller's stemmer so lookups work on stems. */
export function buildSynonymIndex(stem: (word: string) => string): ReadonlyMap<string, readonly string[]> {
  const index = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const stems = [...new Set(group.split(' ').map(stem))];
    for (const member of stems) {
      const others = index.get(member) ?? [];
      for (const other of stems) if (other !== member && !others.includes(other)) others.push(other);
      index.set(member, others);
    }
  }
  return index;
}

/**
 * Hate: attacks on people for a protected characteristic (race, ethnicity, religion, national
 * origin, gender, sexual orientation, disability). Slurs are high on their own; a group name only
 * counts together with a dehumanising or generalising predicate, an exclusion or a hate verb.
 */
import type { ContentRule } from '../rule-matcher.js';

// a group: a protected-group noun, or a colour word followed by a people noun
const G = '{@group|@colour @folk}';
const INTENS = '[all|just|so|such|nothing|really|fucking|simply|basically|naturally|genetically|inherently|literally|always|still|only|less|more|no|the|a|an|like|being|born|truly|mostly]';

export const HATE_RULES: readonly ContentRule[] = [
  // slurs that have no ordinary sense
  {
    p: 'nigger+|niggers|nigguh+|niggah+|nigglet+|kike+|kyke+|chink+|chinks|spic|spics|spick+|wetback+|beaner+|raghead+|towelhead+|sandnigger+|gook+|zipperhead+|jigaboo+|porchmonkey+|coon|coons|darkie+|darky|kaffir+|kaffer+|paki|pakis|faggot+|faggit+|fagot+|fagg+|heeb+|hymie+|goyim|wog|wogs|golliwog+|gyppo+|pikey+|abbo+|abo|abos|mudslime+|muzrat+|moslem+|negroid+|slanteye+|yid|yids|shitskin+',
    c: 'high',
    negatable: false,
  },
  { p: '{cotton picker+|camel jockey+|slant eye+|dune coon+|mud people|porch monkey+|jungle bunny|jungle bunnies|tar baby|sand nigger+}', c: 'high', negatable: false },
  { p: 'nigga|niggas|niggaz|nig|nigs|fag|fags|dyke|dykes|tranny|trannies|spaz|mongoloid+|lesbo+|poofter+|halfbreed+|injun+|squaw+|redskin+|gringo+|honky|honkies', c: 'medium', negatable: false },
  // words with historical, reclaimed or everyday uses: evidence only in company
  { p: 'negro|negroes|negress|mulatto+|retard|retards|retarded|spastic|mong|homo|homos|queer|queers|poof|cracker|crackers|whitey', c: 'low', negatable: false },

  // dehumanising or generalising predicates about a group
  { p: `${G} ~2 @be ${INTENS} ${INTENS} ~2 @dehumanise`, c: 'high' },
  { p: `${G} ~2 @be ${INTENS} ${INTENS} ~2 @negtrait`, c: 'medium' },
  { p: `@be ${G} ${INTENS} ${INTENS} ~1 @dehumanise|@negtrait`, c: 'medium' },
  { p: `${G} @dehumanise`, c: 'medium', unless: 'pet|pets|food|market|house|breed|breeds|rescue|shelter|owner+' },
  { p: `{stupid|dumb|filthy|dirty|smelly|lazy|disgusting|nasty|worthless|fucking|bloody|damn|sneaky|greedy|savage|primitive} ~1 ${G}`, c: 'medium' },
  { p: `${G} ~3 {brought|bring|brings|cause|causes|caused|spread|spreads|commit|commits} ~3 {lies|death|destruction|disease|diseases|crime|crimes|violence|terror|chaos|misery|ruin|rape|rapes}`, c: 'medium' },
  { p: `${G} ~4 {flooding|flood|floods|swarming|swarm|pouring|invading|invade|overrun+|infest+|metastasiz*} ~2 {into|in|our|europe|america|country|countries|cities|neighborhoods|neighbourhoods}`, c: 'medium' },
  { p: `{typical|always|these|those|all|fucking|bloody} ${G} ~3 {lying|cheating|stealing|whining|begging|scamming|raping|complaining|killing|bombing|breeding|invading|leeching|mooching|freeloading}`, c: 'medium' },
  { p: `${G} ~3 {lack|lacks} ~3 {wisdom|intelligence|brains|ability|capacity|morals|civilization|civilisation}`, c: 'medium' },
  { p: `${G} ~2 {shouldn't|should not|must not|mustn't|can't|cannot|never} ~2 {vote|drive|work|lead|trusted|allowed|rights|serve|office|juries|jury|marry|adopt|teach|immigrate}`, c: 'medium' },
  { p: `{not let|don't let|never let|shouldn't let|ban} ${G} ~2 {marry|married|vote|adopt|serve|work|enter|immigrate|teach}`, c: 'medium' },
  { p: '{shame|ashamed|sin|sinful|wrong|disgusting|unnatural|abomination|disorder|disease|illness} ~4 {to be|being|be} {gay|homosexual|trans|transgender|lesbian|bisexual|queer}', c: 'medium' },
  { p: '{being} {gay|homosexual|trans|transgender|lesbian} @be ~2 {a choice|a sin|wrong|unnatural|a disease|a mental illness|disgusting|sick|evil|a disorder}', c: 'medium' },
  { p: `{deport+|expel+|ban|exterminate+|eradicate+|gas} {all|every} [of] {these|those|them|the} [people|animals|invaders|illegals|aliens]`, c: 'medium' },
  { p: `@dehumanise ${G}`, c: 'medium', unless: 'pet|pets|food|market|house|ate|cooked|meat|breed|breeds|rescue|shelter' },
  { p: `{all|every|most|those|these|them|typical|fucking|bloody|damn|stupid|dumb|lazy|nasty|disgusting|smelly|dirty|filthy} ${G} {@be|do|have|can't|cannot|never|always|just|should|deserve} ~3 @negtrait|@dehumanise`, c: 'high' },
  { p: `${G} ~2 {less|lower} than {human|humans|animals|dogs|bugs|a bug}`, c: 'high' },
  { p: '{subhuman+|sub human+|untermensch+|mongrel race|lesser race+|inferior race+|master race|race traitor+|race mixing|mud blood+|race war|white genocide|great replacement|jewish question|final solution|ethnic cleansing|half breed+}', c: 'medium' },
  { p: `{your|their|his|her|the} {race|kind|religion|people|tribe} @be ~2 @dehumanise|@negtrait`, c: 'medium' },
  { p: `{your|their|that|this} {disgusting|filthy|dirty|kind|sort} ~1 ${G} ~1 kind`, c: 'high' },

  // exclusion, expulsion and elimination of a group
  { p: `${G} ~4 {should|must|need|needs|gotta|ought|deserve|deserves|will|shall} [to] [all] [be|get] ~1 {leave|go back|get out|die|killin|killing|deported|removed|banned|exterminated|extinguished|eliminated|gassed|killed|shot|hanged|hung|lynched|sterilized|sterilised|wiped|expelled|disappear|burn|burned|exist|eradicated|purged|deport+|exterminate+|eradicate+|cleansed|culled|erased|segregated|locked up|put down}`, c: 'high' },
  { p: `{deport+|ban+|kill+|exterminate+|gas|gassing|remove|expel+|eradicate+|eliminate+|wipe out|get rid of|hang|lynch+|shoot|nuke|purge|cull|round up|sterilize+|sterilise+} {all|every|the|these|those|them|more} ~2 ${G}`, c: 'high' },
  { p: `${G} ban|bans|registry|invasion|infestation`, c: 'medium' },
  { p: `better off without ${G}`, c: 'high' },
  { p: `the only good ${G} @be {a|the} {dead|deported|gone|hanged|shot|one that|one who}`, c: 'high' },
  { p: `{ban|deport} ${G}`, c: 'high' },
  { p: 'mass deportation+', c: 'medium' },
  { p: 'go back to {your|their} [own] {country|countries|land|continent|jungle|desert|cave|shithole+}', c: 'medium' },
  { p: `{death|deaths} to ~1 ${G}`, c: 'high' },
  { p: `{they|these|those} ~1 [people] should not [even] exist`, c: 'high' },
  { p: `${G} ~3 should not [even] exist`, c: 'high' },

  // hate verbs aimed at a group
  { p: `{i|we|everyone|everybody} [really|truly|fucking|just|absolutely|still|all|do|also] {hate+|despise+|loathe+|detest+|dislike+|can't stand|cant stand} ~2 ${G}`, c: 'high' },
  { p: `{fuck|fuk|fck} [all|the|those|these|every|you] [fucking|stupid|dirty|filthy|damn] ${G}`, c: 'high', negatable: false },
  { p: `{against|enemy of|enemies of|threat of|threat to|war on|war against} ~2 [the] ${G}`, c: 'low' },
  { p: `${G} ~5 {enemy|enemies} of`, c: 'high' },

  // conspiracy tropes and supremacist code
  { p: `${G} ~4 {control+|run|runs|own|owns|rule|rules|dominate+} ~2 [the] {media|banks|banking|world|government+|hollywood|money|finance|press|economy|congress}`, c: 'high' },
  { p: 'holocaust ~3 {hoax|myth|lie|lies|never happened|fraud|fake|exaggerated}', c: 'high' },
  { p: '{six|6} million ~2 {lie|hoax|wasn\'t enough|not enough}', c: 'high' },
  { p: '{1488|14 words|heil hitler|sieg heil|white power|white pride|zog|zionist occupied|jewish supremac*|white supremac*|oven dodger+}', c: 'low', unless: 'against|condemn+|oppose+|fight+|history|historian+|museum|anti' },
  { p: '{religion|ideology|cult} of {hate|death|violence|pedophiles|terror}', c: 'medium' },
  { p: `${G} ~4 {breed|breeding|outbreed+|mass produce|multiply} ~2 {like|rats|rabbits|replace|us}`, c: 'high' },
  { p: `${G} ~4 {can|will|to} mass produce`, c: 'medium' },
  { p: 'replace us', c: 'medium' },
];

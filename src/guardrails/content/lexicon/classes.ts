/**
 * Named word classes shared by the category lexicons (`@name` in patterns). A class may use the
 * classes defined above it.
 */
import { parseWordSet, type WordSet } from '../word-set.js';

const CLASS_SPECS: [string, string][] = [
  ['you', "you|u|ya|yu|ye|yall|y'all|youse|thou"],
  ['your', "your|ur|yo|yer|thy|you're|youre"],
  ['youre', "you're|youre|ur|u're|yer"],
  ['be', "are|r|is|was|were|be|being|am|'re|re|look|seem|sound|act"],
  ['article', 'a|an|the|some|such|this|that|one|another|total|complete|absolute|real|utter|massive|fucking|fuckin|dumb|stupid|little|big|fat|ugly|lazy|worthless|pathetic|useless|sorry|bloody|goddamn|damn|freaking|disgusting'],
  ['pronoun', "him|her|them|em|'em|you|u|ya|yall|y'all|us|he|she|they|everyone|everybody|anyone|anybody|someone|somebody|people|himself|herself|themselves|person"],
  ['person', 'people|person|persons|man|men|woman|women|guy|guys|girl|girls|boy|boys|kid|kids|child|children|baby|babies|family|families|neighbor|neighbors|neighbour|neighbours|wife|husband|teacher|cop|cops|police|officer|officers|president|politician|politicians|crowd|civilians|student|students|classmates|everyone|everybody|hostages|bitch|bastard|infidels|infidel'],
  ['target', '@pronoun|@person'],
  [
    'group',
    // groups by protected characteristic (plural and singular)
    'jew+|jewish|jewry|muslim+|moslem+|islam|islamic|islamist+|arab+|blacks|blackie+|whites|whitey|asian+|chinese|japanese|korean+|mexican+|hispanic+|latino+|latina+|immigrant+|migrant+|refugee+|foreigner+|gay+|lesbian+|homosexual+|homo|homos|queer+|trans|transgender+|transsexual+|tranny|trannies|transgenders|bisexual+|lgbt|lgbtq|woman|women|female+|feminist+|christian+|catholic+|hindu+|sikh+|buddhist+|atheist+|african+|indian+|pakistani+|gypsy|gypsies|roma|negro|negroes|somali+|nigerian+|haitian+|syrian+|palestinian+|israeli+|irish|russian+|retard+|disabled|cripple+|autistic|jihadi+|zionist+|kike+|nigger+|nigga+|darkie+|darky|coloureds|semite+|southerner+|mulatto+|minorities|heathen+|infidel+|kuffar|kafir+|catholics|mormon+|hebrew+|turk+|persian+|filipino+|vietnamese|aboriginal+|aborigine+|natives',
  ],
  // colour words only name a group when followed by one of these ("black people", not "black dress")
  ['colour', 'black|white|brown|yellow|red'],
  ['folk', 'people|folk|folks|men|women|race|guys|person|persons|community|communities|demographic|americans|kids|boys|girls|lives|guy|man|woman|dude|dudes|chick|chicks|trash|skin'],
  [
    'dehumanise',
    'animal+|vermin|rat|rats|roach+|cockroach+|parasite+|parasitic|subhuman+|untermensch|monkey+|ape+|savage+|beast+|bug|bugs|insect+|filth|filthy|scum|plague|cancer|disease+|diseased|infestation|infest+|pig+|swine|dog+|mongrel+|inbred+|inbreed+|inbreeding|degenerate+|degeneracy|horde+|swarm+|breed+|breeding|primitive|uncivilized|uncivilised|barbaric|barbarian+|feral|simian+|lice|leech+|maggot+|trash|garbage|rapefugee+|invader+|invasion|inferior|impure|mud|dirty|smelly|stinking|stinky|vile|cow|cows|cattle|chattel|breeders|scum|dregs|wilds|metastasiz*',
  ],
  [
    'negtrait',
    'stupid|dumb|lazy|criminal+|thief|thieves|liar+|violent|evil|disgusting|greedy|dangerous|ignorant|inferior|worthless|useless|ugly|backwards|backward|terrorist+|rapist+|pedo+|pedophile+|paedophile+|predator+|thug+|sluts|slut|whore+|hoes|cheap|dishonest|treacherous|sneaky|cunning|brainwashed|retarded|disgrace|problem|enemies|enemy|threat|menace|burden|failures|failure|liars|crooks|savages|scum|trash|incapable|unfit|deviant+|sick|perverts|pervert|abomination+|depraved|depravity|disordered|sinful|wrong|unnatural|hateful|cowards|coward|mentally|ill|freaks|freak',
  ],
  [
    'insultnoun',
    'idiot+|moron+|imbecile+|retard|retards|dumbass+|dumbfuck+|jackass+|asshole+|arsehole+|ashole+|azzhole+|bitch|bitches|bastard+|cunt+|dick|dicks|dickhead+|prick+|twat+|wanker+|loser+|freak|freaks|scumbag+|clown|clowns|fool|fools|nitwit+|dimwit+|halfwit+|cretin+|dipshit+|shithead+|shitbag+|douche+|douchebag+|slut+|whore+|skank+|hoe|hoes|fatso+|weirdo+|creep|creeps|coward+|degenerate+|parasite+|failure+|turd+|numbnuts|knobhead+|tosser+|pillock+|bellend+|git|gits|muppet+|airhead+|bimbo+|simp+|incel+|cuck+|libtard+|demoroid+|nutjob+|nutcase+|psycho+|sicko+|lunatic+|pig|pigs|swine|scum|trash|garbage|maggot+|worm|worms|rat|rats|snake|snakes|vermin|filth|dolt+|oaf+|buffoon+|ignoramus|troglodyte+|neckbeard+|fuckface+|fucker+|motherfucker+|mofo|shitstain+|jerk|jerks|jerkoff+|troll|trolls|goblin+|peasant|peasants|lowlife+|lowlives|hypocrite+|liar+|crybaby|crybabies|slob+|dork+|dweeb+|twit+|prat+|plonker+|numpty|numpties|nincompoop+|dunce+|dingbat+|blockhead+|bonehead+|meathead+|knucklehead+|pinhead+|sleazebag+|sleazeball+|scumbucket+|deadbeat+|bozo+|chump+|wimp+|sissy|sissies|snowflake+|fatass+|lardass+|smartass+|bootlicker+|sellout+|leech+|cockroach+|hag+|harpy|harpies|pervert+|neanderthal+|caveman|cavemen|gremlin+|baboon+|weasel+|hyena+|bottomfeeder+',
  ],
  [
    'insultadj',
    'stupid|dumb|worthless|pathetic|useless|ugly|fat|disgusting|retarded|brainless|clueless|ignorant|incompetent|braindead|gross|repulsive|idiotic|lame|moronic|dense|dimwitted|spineless|gutless|miserable|sad|hideous|revolting|vile|nasty|trashy|insufferable|unbearable|obnoxious|annoying|delusional|senile|smelly|stinky|filthy|ridiculous|laughable|inbred|mental|deranged|crazy|insane|sick|twisted|weak|soft|fake|shitty|crappy|pitiful|despicable|contemptible|loathsome|dirty|cheap|lazy|dumbest|stupidest|ugliest|fattest|dumber|stupider|imbecilic|asinine|inept|illiterate|creepy|arrogant|pompous|smug|selfish|shameless|hopeless|gormless|witless|mindless|feebleminded|halfwitted|simpleminded|slimy|sleazy|greasy|sweaty|snivelling|sniveling|whiny|whiney|spoiled|bratty',
  ],
  [
    'negator',
    "not|never|no|don't|dont|won't|wont|wouldn't|wouldnt|didn't|didnt|can't|cant|cannot|isn't|shouldn't|doesn't|nor",
  ],
];

export function compileClasses(): Map<string, WordSet> {
  const classes = new Map<string, WordSet>();
  for (const [name, spec] of CLASS_SPECS) classes.set(name, parseWordSet(spec, classes));
  return classes;
}

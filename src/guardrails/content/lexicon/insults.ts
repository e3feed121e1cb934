/**
 * Insults: demeaning, humiliating or belittling language aimed at a person. Addressing someone
 * ("you idiot", "fuck you") is what makes a word an insult; the same noun about no one is low.
 */
import type { ContentRule } from '../rule-matcher.js';

const NOUN = '{@insultnoun|piece of shit|piece of crap|piece of garbage|piece of trash|piece of filth|waste of space|waste of oxygen|waste of air|sack of shit|bag of shit|son of a bitch|excuse for a human+|pile of shit}';

export const INSULT_RULES: readonly ContentRule[] = [
  // addressed insults
  { p: `@you [@article] [@article] ${NOUN}`, c: 'high', unless: 'called|calling' },
  { p: `@you @be [@article] [@article] ~1 ${NOUN}`, c: 'high', unless: 'called|calling|if' },
  { p: `@youre [@article] [@article] ~1 ${NOUN}`, c: 'high', unless: 'if' },
  { p: `your {a|an} [@article] ${NOUN}`, c: 'high' },
  { p: `@you @be [so|such|really|fucking|just|too|very|truly|absolutely|a|an|the|damn|bloody] [@article] @insultadj`, c: 'medium', unless: 'feel|felt|think|thought|if|aren|aren\'t|arent|im|i\'m|i|me|myself|we|makes|make|made|look|looks|seem|seems|sound' },
  { p: `@youre [so|such|really|fucking|just|too|very|truly|absolutely|damn|bloody] @insultadj`, c: 'medium', unless: 'if' },
  { p: '{are|is|were} {these|those|they|you|u} [people|guys|idiots|folks] [so|really|just|that|this|fucking|actually|always] [so|really|just|that|this|fucking] @insultadj', c: 'medium' },
  { p: '{these|those} {people|guys|idiots|morons|clowns|folks} @be [so|really|just|fucking|all] @insultadj', c: 'medium' },
  { p: '@your {race|kind|people|family|mother|mom|mum|wife|sister|father|dad|kids|children|son|daughter} @be ~2 @insultnoun|@dehumanise|@insultadj', c: 'medium' },
  { p: 'fuck|fuk|fck|fuq|screw|f ~1 @you|yourself|off|urself', c: 'high', negatable: false },
  { p: '{stfu|gtfo|kys|foad|shut the fuck up|shut the hell up|go to hell|eat shit|suck my dick|suck my cock|kiss my ass|go die|drop dead|get fucked|go fuck yourself|piss off|bugger off|sod off|fuck off}', c: 'high', negatable: false },
  { p: '{kill|hang|neck|off|shoot} yourself|yourselves|urself', c: 'high' },
  { p: '{i|we} [just|really|truly|do|sincerely|so|seriously|honestly] {hope|wish} {you|u|ya|yall} ~3 {die|dies|rot|burn|suffer|choke|drown|starve|cancer|aids}', c: 'high' },
  { p: '{shut up|get lost|get a life|grow up|bite me|you suck|u suck|ya suck|you stink}', c: 'low' },
  { p: '{nobody|no one|noone} {likes|loves|cares|gives|wants|asked|will remember|will miss} ~2 {@you|@your|a fuck|a shit|a damn|about you}', c: 'medium' },
  { p: '{nobody|no one|noone} {cares|asked}', c: 'low' },
  { p: '{yo|your} {mama|momma|mom|mother|mum} [@be] [so] ~1 {fat|ugly|stupid|dumb|poor|old|hairy|short|bald}', c: 'medium' },
  { p: 'you look like ~3 @insultnoun|shit|crap|trash|pig|whale|troll|goblin|rat|corpse|potato|monkey|gorilla', c: 'medium' },
  { p: '@you @be {a joke|a disgrace|an embarrassment|a failure|a disappointment|nothing|worthless|trash|garbage|scum|beneath me}', c: 'medium' },
  { p: '@you {should be ashamed|disgust me|make me sick|deserve nothing|are not worthy|aren\'t worthy|are not even worthy}', c: 'medium' },
  { p: '{people|idiots|morons|losers|fools|clowns|@group} like {you|u|yourself|ya}', c: 'medium' },
  { p: '@your {ugly|fat|stupid|dumb|pathetic|worthless|disgusting|miserable|sad|tiny|small} {face|ass|self|life|brain|head|body|mug|existence|family|dick|penis|mouth|opinion|opinions|comment|comments|post|posts|argument|takes|excuse}', c: 'high' },
  { p: '@you {suck|stink|blow|disgust} {ass|balls|dick|so much|at everything|at life}', c: 'medium' },

  // belittling the mind, body or worth of the one addressed
  { p: `{@youre|@you @be} nothing {but|more than} [@article] ~2 ${NOUN}`, c: 'high', unless: 'if' },
  { p: '@you {have|got|possess} {the|a} {brain|brains|iq|intelligence|memory|attention span|personality|maturity|face|body|manners} of {a|an|some} ~1 {@insultnoun|@dehumanise|goldfish|potato|rock|brick|toddler|turnip|pigeon|peanut|slug|sloth|walrus|hippo|donkey|thumb|doorknob}', c: 'medium' },
  { p: '@you {have|got} {no|zero|negative} {brain|brains|braincells|iq|spine|balls|life|friends|dignity|shame|talent|personality}', c: 'medium' },
  { p: '{shut|stfu} {your|ur|yo|that} {mouth|trap|face|pie hole|piehole|gob|yap|cakehole|fat mouth|stupid mouth}', c: 'medium', negatable: false },
  { p: '@you {smell|stink|reek|act|eat|talk|dress|sound|behave|squeal|waddle} like {a|an|some|the} ~1 {@insultnoun|@dehumanise|whale|cow|hog|walrus|hippo|donkey|orc|gremlin|caveman|toddler|sewer|dumpster|landfill}', c: 'medium' },
  { p: '@you @be [@article] [@article] {animal|animals|pig|pigs|cow|whale|hog|ape|apes|monkey|rat|cockroach|parasite|leech|vermin|beast|savage|slug|sloth|donkey|mule}', c: 'medium', unless: 'person|lover|lovers|owner|owners|people|whisperer|walker|trainer|sitter|years|year|party|spirit|sign|zodiac|fan|fans|expert|lover|lovers|gym|beast mode|kind|farm|nature|totem|vegan|vet|vets' },
  { p: '@you @be [so|just|really|fucking|completely|totally] [a] {braindead|brain-dead|subhuman|nobody|has-been|laughingstock}', c: 'medium' },
  { p: '@you @be [such] a laughing stock', c: 'medium' },
  { p: '{should have|should\'ve|shoulda|should of} {aborted|swallowed|drowned} {you|u|ya}', c: 'high' },
  { p: '@you @be the {dumbest|stupidest|ugliest|fattest|laziest|creepiest|most pathetic|most useless|most annoying|most worthless|most disgusting|most ignorant|biggest idiot|biggest loser|biggest moron} [@person|human|thing|idiot|loser|moron]', c: 'medium' },
  { p: '{@youre|@you @be} full of {shit|crap|bullshit|bs}', c: 'medium', unless: 'if' },
  { p: '{@youre|@you @be} talking {shit|crap|bullshit|out of your ass|out your ass}', c: 'medium', unless: 'if' },
  { p: '{who|nobody|noone} {tf|the fuck|the hell|even} {asked|cares}', c: 'medium', negatable: false },
  { p: '{he|she|they|he\'s|she\'s|they\'re|hes|shes|theyre} [@be] {so|such} [a|an] @insultadj', c: 'medium', unless: 'not|feel|felt|think|thought|if|looked|seemed|sick|sad|tired|weak|soft|smelly|crazy|insane|mental' },
  { p: '{are|r} {you|u} [just|really|fucking|actually|completely|literally] brain {dead|damaged}', c: 'medium' },
  { p: '{are|r} {you|u} [just|really|fucking|actually|completely|literally] {that|this} {dumb|stupid|thick|dense|slow}', c: 'medium' },
  { p: '{are|r} {you|u} [just|really|fucking|actually|completely|literally] {a|an} {idiot|moron|imbecile|retard|cretin}', c: 'medium' },
  { p: 'crawl back {under|into|in|to} {your|ur|the} {rock|hole|cave|sewer|basement|swamp|gutter}', c: 'medium' },
  { p: '{everyone|everybody|people|they|we|the whole} ~3 {laughs|laughing|laugh|laughed} at {you|u|ya}', c: 'medium', unless: 'jokes|joke|funny|comedian|show|stage|with' },
  { p: '{grow a spine|grow a pair|grow some balls|get a brain|get a clue|learn to read|go back to school|touch grass|cry me a river|cry more|cope harder|seethe}', c: 'low' },
  { p: "{what is wrong with you|what's wrong with you|whats wrong with you|are you blind|are you deaf|are you illiterate|are you kidding me|are you out of your mind|are you mental|r u blind|r u illiterate}", c: 'low' },

  // about a third person: demeaning, weaker when not addressed
  { p: `{what|such} {a|an} ~1 ${NOUN}`, c: 'medium' },
  { p: `{he|she|they|he's|she's|they're|hes|shes|theyre} @be [@article] [@article] ${NOUN}`, c: 'medium', unless: 'not|called|calling|like|as|savant+' },
  { p: `{hey|hi|oi|listen|look|ok|okay|yo|sit down|shut up} [@article] ${NOUN}`, c: 'medium', unless: 'savant+' },
  { p: `@insultadj ${NOUN}`, c: 'medium' },
  // name-calling words with no other sense
  { p: 'cunt+|motherfucker+|dickhead+|shithead+|fuckface+|dumbfuck+|cocksucker+|wanker+|twat+|libtard+|libturd+|demoroid+|demonrat+|retard|retards|scumbag+|dipshit+|shitstain+|fucktard+', c: 'medium', unless: 'female|dog|dogs|breed|breeding', negatable: false },
  {
    p: '{idiot+|moron+|imbecile+|dumbass+|jackass+|asshole+|arsehole+|bastard+|bitch|bitches|prick+|loser+|nitwit+|dimwit+|halfwit+|cretin+|douchebag+|douche|slut+|whore+|skank+|fatso+|weirdo+|turd+|fucker+|jerkoff+|shitbag+|knobhead+|tosser+|bellend+|numbnuts|piece of shit|piece of crap|waste of space|sack of shit}',
    c: 'low',
    unless: 'female|dog|dogs|puppy|puppies|breed|breeding|breeder|kennel|litter|whelp+',
  },
];

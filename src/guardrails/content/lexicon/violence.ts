/**
 * Violence: threats, incitement and glorification of harm to people, graphic injury, and
 * self-harm (the filter has no separate self-harm category, so it lives here). A violent verb
 * counts when aimed at a person; told in the past tense (news, history) it is low.
 */
import type { ContentRule } from '../rule-matcher.js';

// one token, base form: threats are written in the present or future ("I will kill ...")
const HARM = 'kill|murder|shoot|stab|behead|hang|lynch|strangle|choke|burn|slaughter|butcher|execute|torture|rape|bash|punch|slap|maim|cripple|drown|poison|bomb|nuke|massacre|exterminate|annihilate|slit|decapitate|dismember|mutilate|gas|shank|hurt|kidnap|abduct|sodomize|castrate|skin|gut|smother|suffocate|bludgeon|curbstomp|behead';
// things you can "kill" or "shoot" that are not people
const OBJECTS =
  'game|games|gaming|level|boss|bosses|zombie+|character|characters|monster+|dragon+|npc+|player+|round|rounds|match|matches|tournament|season|playoffs|final|finals|court|field|pitch|score|points|photo+|picture+|video+|film+|movie+|scene+|portrait+|headshot+|wedding+|photoshoot+|camera+|model|models|email+|message+|texts|glance|hoops|ball|basket+|goal+|puck|process|processes|task|tasks|job|jobs|pid|thread+|server+|app|apps|program+|session+|query|queries|container+|pod|pods|daemon+|lights|engine|buzz|vibe|mood|weeds|bacteria|germs|virus+|pests|mosquito+|stage|audition+|interview+|exam+|presentation+|song+|track+|lawn|calories|comedy|comedian+|joke+|audience|crowd|set|gig|show|shows';

// told as a past, treated or fictional episode rather than a present act or wish
const RECOVERY =
  'thankfully|luckily|recovered|recovery|recovering|survivor+|survived|hotline+|lifeline|helpline|therapist+|therapy|counselor+|counsellor+|prevention|awareness|story|stories|stopped|clean|sober|character|novel|film|movie|episode|teenager|patient+|anymore|ago|formerly|book|books|article|research|documentary|statistics|rate|rates';

export const VIOLENCE_RULES: readonly ContentRule[] = [
  // threats and incitement: first person intent, imperative, modal wishes
  { p: `{i|i'll|ill|i'm|im|we|we'll|we're|gonna|going|will|wanna|want|plan|planning|intend|should|must|shall|let's|lets|let} ~3 ${HARM} [the|a|an|that|this|those|these|his|her|their|your|every|all|some|more|many] ~1 {@target|@group}`, c: 'high', unless: OBJECTS },
  { p: '{need|needs|deserve|deserves|deserved} {killin|killing|killed|shooting|hanging|lynching|a beating|a bullet|to be shot|to be hanged}', c: 'high' },
  { p: `${HARM} {them|em|'em|him|her|you|u|ya|yall|everyone|everybody|people} {all|dead|now|slowly|alive|to death|up|until|till|before|in their|in his|in her|in your|with}`, c: 'high', unless: OBJECTS },
  { p: `${HARM} {all|every|each|more|those|these|the} [fucking|damn|filthy|dirty|stupid|bloody|fucken] {@group|@person|@colour|them|of them|one of them|infidels|invaders|traitors|liberals|conservatives|republicans|democrats|cops|police|soldiers|terrorists|niggers|jews|muslims|immigrants}`, c: 'high', unless: OBJECTS },
  { p: '{kill|hang|shoot|burn|lynch|gas|nuke|behead|execute} {em|\'em|them} all', c: 'high' },
  { p: '{should|must|need to|needs to|ought to|deserve to|deserves to|deserve|deserves} [all|both|just|simply|really|also|fucking] {be|get|to be} ~1 {killed|shot|hanged|hung|lynched|executed|exterminated|gassed|beheaded|burned|burnt|tortured|raped|beaten|murdered|stabbed|strangled|drowned|slaughtered|butchered|castrated|put down|wiped out|nuked|bombed|sodomized|culled|extinguished|eliminated|strung up|put in the ground|lined up and shot}', c: 'high' },
  { p: 'deserve+ ~1 {to die|death|a bullet|the rope|the noose|the chair|to suffer|to be hurt|to burn|to rot}', c: 'high' },
  { p: '{i|we} [just|really|truly|do|sincerely|so|seriously|honestly] {hope|wish|pray} ~4 {die+|dies|dead|killed|shot|burn+|suffer+|rot+|raped|hit by|hanged|nuke|nuked|murdered|tortured|cancer|kill+}', c: 'high', unless: 'not|never|survive+|recover+|cure+' },
  { p: '{death to|die die|kill kill|kill all|gas all|hang all|shoot all|nuke all|burn all|#deathto*|deathto*}', c: 'high', unless: OBJECTS },
  { p: '{i|we|you|they} {will|\'ll|are going to|am going to|gonna} ~1 {find|hunt} {you|u|him|her|them} ~4 {kill|hurt|end|get|pay}', c: 'high' },
  { p: '{watch|see} ~3 {bleed|bleed out|burn|die|suffer|scream|choke}', c: 'high' },
  { p: '{break|breaking|snap|snapping|smash|smashing} {his|her|your|their|its} {legs|leg|arms|arm|neck|jaw|nose|skull|face|knees|kneecaps|fingers|ribs|spine|bones|teeth}', c: 'high', unless: 'accident|accidentally|fell|fall|falling|slipped|crash|injury|injured|skiing|surgery|hospital|doctor|cast|playing|football|rugby' },
  { p: '{bash|bashed|cave|caved|kick|kicked|blow|blew|beat|smash} {his|her|your|their|its} {head|skull|face|brains|teeth} {in|off|out}', c: 'high' },
  { p: '{slit|cut} {his|her|your|their|my} {throat|throats|wrists|wrist}', c: 'high' },
  { p: '{set|light|lit} {them|him|her|you|people} on fire', c: 'high' },
  { p: '{burn|burned|burnt} ~1 alive', c: 'high' },
  { p: '{in|into} body bags', c: 'high' },
  { p: '{hanging|swinging|hang|strung up} from {lampposts|lamp posts|lampost+|trees|a tree|the trees|a rope|ropes|the gallows|bridges}', c: 'high' },
  { p: '{line|lined} {them|em|\'em} up {and shoot|and shot|against the wall}', c: 'high' },
  { p: '{rope|noose|bullet|bullets} {for|in} {them|him|her|you|their|his|your}', c: 'high' },
  { p: 'knock ~1 {you|u|him|her|them|someone|somebody} {out|unconscious|into next week|into the middle of next week|senseless}', c: 'medium' },
  { p: 'beat ~1 {@target|the shit|the crap|the hell|the living} ~2 {up|senseless|to death|to a pulp|out of}', c: 'high', unless: OBJECTS },
  { p: '{burn|torch|firebomb|bomb|blow up} {your|his|her|their} {house|home|car|school|family|shop|store|church|mosque|synagogue|temple} [down]', c: 'high' },
  { p: '{i|we|i\'ll|we\'ll|gonna|will} ~2 {fight|hit|punch|slap|kick|stab|shoot|hurt} {you|u|him|her|them}', c: 'medium', unless: OBJECTS },
  { p: '{genocide|ethnic cleansing|massacre+|pogrom+|holocaust|extermination|mass murder|mass shooting+|school shooting+|terror attack+|bloodbath|blood bath|carnage|bloodshed|lynching+|beheading+|decapitation+|dismemberment}', c: 'low' },
  { p: '{cull|purge|exterminate|eradicate} {them|the|these|those|all}', c: 'medium', unless: 'weeds|pests|rats|mice|herd|deer|cache|cookies|logs|data|queue|bacteria' },
  { p: '{there|we} ~3 {needs to be|should be|must be} a {cull|purge|culling|massacre|bloodbath|reckoning}', c: 'high' },
  { p: '{rip|tear|tore|cut|chop|hack} {off|out} {their|his|her|your} ~1 {body parts|limbs|heads|head|arms|legs|tongue|eyes|balls|guts|heart|fingers}', c: 'high' },
  { p: '{nuke|bomb|gas|napalm} {the crap|the shit|the hell|them|you|him|her|their|your}', c: 'medium', unless: OBJECTS },

  // graphic injury and gore
  { p: '{throat slashing|throat-slashing|slashed throat|blood everywhere|pool of blood|blood pouring|blood gushing|blood spurting|guts spilling|brains splattered|brains blown out|intestines|entrails|severed head|severed limbs|disembowel+|eviscerat*|dismember+|decapitat*|mutilat*|gore|gory|bled out|bleed out|bleeding out|bloody mess|bled to death|burned alive|burnt alive|skinned alive|flayed|impaled|scalding|charred bodies|mangled}', c: 'medium' },
  { p: '{broken|broke|fractured|cracked|shattered|crushed|punctured|dislocated|snapped|smashed} ~2 {skull|bones|bone|ribs|rib|jaw|nose|eye socket|sternum|vertebrae|spine|neck|leg|legs|arm|arms|femur|pelvis|knee|kneecap|cheekbone+|cheek bones|teeth|fingers|lungs|lung|collarbone|wrist|ankle}', c: 'low' },
  { p: '{stabbed|shot|beaten|stoned|tortured|hacked|bludgeoned|strangled|burned|kicked|beat|starved|choked|mauled} to death', c: 'medium' },
  { p: '{stabbing|shooting|beheading|hanging|lynching|torturing|raping|murdering|killing|slaughtering|butchering|stoning} {them|him|her|people|children|kids|women|babies|innocent+|civilians|prisoners}', c: 'medium' },
  { p: '{eat|eating|ate} {the|a|human} {baby|babies|human|humans|flesh|child|children}|cannibal+', c: 'medium' },

  // self-harm and suicide
  { p: '{kill|killing|killed|hurt|hurting|hurted|cut|cutting|burn|burning|burnt|burned|harm|harming|stab|stabbing|stabbed|starve|starving|starved|hang|hanging|hanged|hung|shoot|shooting|punish|punishing|poison|poisoning|drown|drowning|choke|choking} {myself|herself|himself|themselves|yourself|oneself|urself|themself}', c: 'high', unless: 'accidentally|accident|accidently|cooking|knife slipped|shaving|wax|chopping|kitchen|oven|stove|sun|sunburn|workout|sleep|eyes' },
  { p: '{kys|kms|slit my wrists|cutting scars|cut my wrists|cutting my wrists}', c: 'high' },
  { p: '{i|i\'m|im|i\'ve|ive|me|my|myself|we} ~5 {self harm+|self-harm+|selfharm+|self injur*|self-injur*|suicidal|suicide|relapse+|relapsing|cutting|sh|killing myself|ending my life|ending it}', c: 'medium', lowerIf: RECOVERY },
  { p: '{self harm+|self-harm+|selfharm+|self injur*|self-injur*|self mutilat*|suicidal|suicide+|overdos*|od\'d|anorexi*|bulimi*|eating disorder+|purging|self hatred|self-hatred}', c: 'low', unless: 'prevention|hotline|lifeline|awareness|helpline|crisis|988|samaritans|research|study|studies|rates|rate|statistics|squad|bomber+|bombing+|mission|pact' },
  { p: '{{end|ending|take|taking|took} {my|her|his|their} [own] life|{want|wanted|wanna|ready|plan|planning} to die|{end|ending} it all|not {want|wanna} to live|{better off|be better} dead|{wish|wished} i {was|were} dead|{wish|wished} i {had|\'d} never been born|{no|any} reason to live}', c: 'high', unless: 'movie|film|book|novel|character', lowerIf: RECOVERY },
];

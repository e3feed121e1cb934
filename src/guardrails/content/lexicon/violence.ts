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

  // addressed threats that name no harm verb ("you're a dead man", "I know where you live")
  { p: "{you're|youre|ur|you are|you r} [a] dead {man|woman|meat}", c: 'high', unless: 'game|round|walking|zombie' },
  { p: "{i know where you live|sleep with one eye open|your days are numbered|i'm coming for you|im coming for you|we're coming for you|we are coming for you|coming for your family|you will pay for this|you'll pay for this|you're going to pay|watch your back|won't see it coming|with your blood|in your blood}", c: 'medium' },
  { p: "{i'll|ill|i will|gonna|going to|we'll|we will} ~2 {tear|rip} {you|u|him|her|them|your head|his head|her head} {apart|off|to pieces|to shreds|limb from limb|open}", c: 'high' },
  { p: '{gore|gored|goring} {you|him|her|them|me}', c: 'medium' },
  { p: '{gut|skin|gutted|skinned} {you|him|her|them} like {a|an} {fish|pig|animal|deer|rabbit}', c: 'high' },
  { p: '{blow|blew|blowing|blown} {your|his|her|their|its|ur} {brains|head|face} {out|off|in}', c: 'high' },
  { p: '{put|putting|pump|pumped|pumping|puts} {a|two|three|six|some|every} ~1 {bullet|bullets|slug|slugs|rounds|holes} {in|into|through} {your|his|her|their|ur|you|him|them}', c: 'high' },
  { p: 'shoot up {the|a|that|this|my|our|his|her|their|your|every} ~1 {school|office|church|mosque|synagogue|temple|mall|party|club|class|workplace|building|concert|parade|place|campus|store|supermarket}', c: 'high' },
  { p: '{open|opened|opens|opening} fire {on|at|into}', c: 'medium' },
  { p: '{run|ran|running|mow|mowed|mowing|plow|plough} {them|him|her|you|em|people|protesters|protestors|pedestrians|cyclists} {over|down}', c: 'medium' },

  // a weapon or a blow aimed at a person, told or threatened
  { p: '{pull|pulled|pulls|pulling|drew|draw|draws|point|pointed|pointing|aim|aimed|aiming|held|hold|holding|put|pressed|press} {a|the|his|her|my|their|your|a loaded} {knife|knives|gun|guns|pistol|rifle|shotgun|revolver|blade|machete|axe|hatchet|bat|baseball bat|hammer|crowbar|brick|pipe|lead pipe|tire iron|sword|club|chain|cleaver|screwdriver|broken bottle|rock|rocks} {on|at|to|against|into}', c: 'low', unless: 'camera|target|targets|range|board|dartboard|nail|nails|wood|wall|bread|vegetables|onions' },
  { p: '{shoot|shot|stab|stabbed|stabbing|hit|beat|beaten|beating|attack|attacked|club|clubbed|whack|whacked|bash|bashed|struck|strike|smash|smashed|slash|slashed|threaten|threatened|chase|chased} ~1 {@target|me|us|myself} ~2 {with|using} [a|an|the|his|her|my|their|your] {knife|knives|gun|guns|pistol|rifle|shotgun|revolver|blade|machete|axe|hatchet|bat|baseball bat|hammer|crowbar|brick|pipe|lead pipe|tire iron|sword|club|chain|cleaver|screwdriver|broken bottle|rock|rocks}', c: 'medium' },
  { p: '{stab|stabbed|shoot|shot|punch|punched|kick|kicked|slap|slapped|hit|struck|elbow|elbowed|headbutt|headbutted|smash|smashed|slam|slammed|bash|bashed|beat|slash|slashed|shank|shanked|knee|kneed|stomp|stomped|hammer|hammered} [the] {@target|me|us|victim|cashier|guard|guards|stranger|strangers|officer|prisoner|driver|clerk|owner|suspect} [twice|again|repeatedly|hard|once|brutally] {in|into|across|on|against} {the|his|her|their|my|your} {face|head|gut|guts|stomach|chest|throat|neck|ribs|groin|balls|mouth|jaw|eye|eyes|spine|skull|temple|heart|kidney|kidneys|belly|nose|teeth}', c: 'medium', unless: 'ball|snowball|snowballs|pie|cake|pillow|pillows|accidentally|accident|round|sparring|boxing|bout|match|fight night|ring|ufc|mma|referee|penalty|game|foul|tackle|water|balloon|flashlight|light|torch|laser|compliment|question|ray|nail|nails|jackpot|target|bullseye|brakes|note|notes|button|level|boss|zombie|zombies|enemy|enemies|npc' },
  { p: '{held|holding|hold|holds|put|putting|pressed|pressing|pointed|pointing|jammed} {a|the|his|her|my|their|your} {gun|pistol|knife|blade|rifle|revolver|shotgun|machete|barrel} {to|against|at|into} {his|her|their|my|your|the|someone\'s} {head|throat|neck|temple|chest|face|back}', c: 'low' },
  { p: '{slammed|smashed|bashed|banged|rammed|slamming|smashing|bashing|banging} {his|her|their|my|your|its} {head|face|skull} {against|into|on|onto|through}', c: 'medium' },
  { p: '{choked|strangled|throttled|smothered|suffocated|choking|strangling} {him|her|them|me|you|the victim} {until|to|with|unconscious|out|till}', c: 'medium' },
  { p: '{pulled|pull|squeezed|squeeze} the trigger', c: 'low' },

  // gore
  { p: 'blood {sprayed|splattered|spattered|gushed|spurted|poured|pooled|soaked|spraying|splattering|gushing|spurting|streaming|dripped|dripping}', c: 'medium', unless: 'nose|nosebleed|donation|donor|test|sample|pressure|bank' },
  { p: '{throat|throats|belly|stomach|skull|chest|head|face} {was|were|had been|been} {slit|sliced|ripped|torn|split|cut|cracked|caved|slashed|blown|bashed|smashed} [open|in|off|apart]', c: 'medium', unless: 'surgery|surgeon|surgeons|operation|hospital|anesthesia|anaesthesia|incision' },
  { p: '{gouge|gouged|gouging|gouges} ~2 {eye|eyes|eyeball|eyeballs}', c: 'medium' },
  { p: '{rotting|decomposing|mutilated|mangled|bloated|headless|dismembered|charred|bloodied|disfigured|maggot-ridden} {corpse|corpses|body|bodies|carcass|carcasses|remains|head|limbs|torso}', c: 'medium' },
  { p: '{blade|knife|bullet|bullets|axe|machete|spike} ~2 {sank|sinks|sinking|plunged|tore|ripped|sliced|pierced|punctured|went} {into|through|across} {his|her|their|my|your|the}', c: 'medium', unless: 'butter|bread|cake|meat|steak|cheese|wood|fabric|paper|tomato|watermelon|vegetables|onion|chicken' },

  // graphic injury and gore
  { p: '{throat slashing|throat-slashing|slashed throat|blood everywhere|pool of blood|blood pouring|blood gushing|blood spurting|guts spilling|brains splattered|brains blown out|intestines|entrails|severed head|severed limbs|disembowel+|eviscerat*|dismember+|decapitat*|mutilat*|gory|bled out|bleed out|bleeding out|bloody mess|bled to death|burned alive|burnt alive|skinned alive|flayed|impaled|scalding|charred bodies|mangled}', c: 'medium' },
  { p: '{broken|broke|fractured|cracked|shattered|crushed|punctured|dislocated|snapped|smashed} ~2 {skull|bones|bone|ribs|rib|jaw|nose|eye socket|sternum|vertebrae|spine|neck|leg|legs|arm|arms|femur|pelvis|knee|kneecap|cheekbone+|cheek bones|teeth|fingers|lungs|lung|collarbone|wrist|ankle}', c: 'low' },
  { p: '{stabbed|shot|beaten|stoned|tortured|hacked|bludgeoned|strangled|burned|kicked|beat|starved|choked|mauled} to death', c: 'medium' },
  { p: '{stabbing|shooting|beheading|hanging|lynching|torturing|raping|murdering|killing|slaughtering|butchering|stoning} {them|him|her|people|children|kids|women|babies|innocent+|civilians|prisoners}', c: 'medium' },
  { p: '{eat|eating|ate} {the|a|human} {baby|babies|human|humans|flesh|child|children}|cannibal+', c: 'medium' },

  // self-harm and suicide
  // self-harm methods and intent written without "myself"
  { p: '{slit|slitting|slice|slicing|cut|cutting|carve|carving|burn|burning|scratch|scratching|slash|slashing} {my|her|his|their} {wrists|wrist|arms|forearm|forearms|thighs|thigh|skin|legs|stomach|veins}', c: 'medium', unless: 'accidentally|accident|accidently|nail|glass|fence|paper|shaving|cooking|kitchen|oven|stove|pan|fell|fall|iron|curling|sun|sunburn|tattoo|surgery|hair' },
  { p: '{fresh|new|deep|old} {cuts|scars|scratches|burns} on my {wrists|wrist|arms|arm|forearm|forearms|thighs|thigh|legs|stomach|hips|skin}', c: 'medium', unless: 'cat|dog|kitten|puppy|hiking|garden|gardening|rose|roses|bush|thorns|bike|fell' },
  { p: '{swallow|swallowing|swallowed|take|taking|took|down|downing|downed|overdose|overdosing|overdosed|od|gulp|gulped} ~3 {every|all|whole|entire|bottle|handful|bunch|rest|enough} ~3 {pills|pill|tablets|painkillers|meds|medication|paracetamol|tylenol|aspirin|sleeping|insulin|antidepressants|xanax|opioids}', c: 'medium', lowerIf: RECOVERY },
  { p: '{i|i\'m|im|i\'ll|ill|want|wanna|gonna|thinking|think|about|should|could|might|planning|plan} ~3 {jump|jumping|leap|leaping|throw myself|throwing myself} {off|from|in front of|into} ~2 {bridge|roof|building|cliff|train|bus|balcony|tower|window|ledge|subway|truck|traffic|overpass|river|tracks}', c: 'medium', lowerIf: RECOVERY },
  { p: '{everyone|everybody|they|world|family|people} ~2 {better off|be better|happier} without me', c: 'high', lowerIf: RECOVERY },
  { p: '{nobody|no one|noone} would {miss|notice|care|mourn} ~2 {me|if i|when i}', c: 'medium', lowerIf: RECOVERY },
  { p: "{don't|dont|do not|never} {want|wanna} to {wake up|be alive|exist|live|go on|keep living|keep going} [anymore|again|tomorrow]", c: 'high', negatable: false, unless: 'alarm|early|monday|mondays|hangover|work|school|bed', lowerIf: RECOVERY },
  { p: '{suicide|goodbye|farewell} {note|notes|letter|letters|plan|plans|method|methods}', c: 'low', unless: 'movie|film|book|novel|character|detective|police|investigators|prevention|safety|crisis|hotline' },
  { p: "{can't|cant|cannot} {go on|do this|take it|keep going|live like this} {anymore|any more|much longer}", c: 'low' },
  { p: '{noose|rope|belt} ~3 {myself|my neck|around my}', c: 'medium' },
  { p: '{kill|killing|killed|hurt|hurting|hurted|cut|cutting|burn|burning|burnt|burned|harm|harming|stab|stabbing|stabbed|starve|starving|starved|hang|hanging|hanged|hung|shoot|shooting|punish|punishing|poison|poisoning|drown|drowning|choke|choking} {myself|herself|himself|themselves|yourself|oneself|urself|themself}', c: 'high', unless: 'accidentally|accident|accidently|cooking|knife slipped|shaving|wax|chopping|kitchen|oven|stove|sun|sunburn|workout|sleep|eyes|laughing|laughed|laugh|lol|lmao|haha|playing|gym|lifting|fell|slipped|tripped|ankle|knee|wrist|back|shoulder|practice|training|embarrassment|questions|worrying|overthinking|stressing' },
  { p: '{kys|kms|slit my wrists|cutting scars|cut my wrists|cutting my wrists}', c: 'high' },
  { p: '{i|i\'m|im|i\'ve|ive|me|my|myself|we} ~5 {self harm+|self-harm+|selfharm+|self injur*|self-injur*|suicidal|suicide|relapse+|relapsing|cutting|sh|killing myself|ending my life|ending it}', c: 'medium', lowerIf: RECOVERY, unless: 'carbs|carb|onions|onion|hair|grass|lawn|costs|cost|sugar|weight|paper|wood|vegetables|budget|ties|coupons|corners|class|classes|fabric|cake|meat|tree|trees|edit|film|video' },
  { p: '{self harm+|self-harm+|selfharm+|self injur*|self-injur*|self mutilat*|suicidal|suicide+|overdos*|od\'d|anorexi*|bulimi*|eating disorder+|purging|self hatred|self-hatred}', c: 'low', unless: 'prevention|hotline|lifeline|awareness|helpline|crisis|988|samaritans|research|study|studies|rates|rate|statistics|squad|bomber+|bombing+|mission|pact' },
  { p: '{{end|ending|take|taking|took} {my|her|his|their} [own] life|{want|wanted|wanna|ready|plan|planning} to die|{end|ending} it all|not {want|wanna} to live|{better off|be better} dead|{wish|wished} i {was|were} dead|{wish|wished} i {had|\'d} never been born|{no|any} reason to live}', c: 'high', unless: 'movie|film|book|novel|character|laughing|embarrassment|embarrassed|shame|cringe|lol|lmao|haha|peacefully|euthanasia|assisted|dignity|terminally|terminal', lowerIf: RECOVERY },
];

/**
 * Sexual: sexual interest, activity or arousal. Explicit act and genital slang is high; words that
 * also have a clinical, educational or everyday sense are low and need company (density) or a
 * sexual phrase around them to count.
 */
import type { ContentRule } from '../rule-matcher.js';

// medical, educational and legal contexts in which anatomy and "sex" are not sexual content
const CLINICAL =
  'education|educational|educator+|health|clinic|clinical|doctor+|physician+|nurse+|patient+|medical|medicine|diagnos*|symptom+|cancer|tumor+|tumour+|screening|exam|examination|infection+|disease+|std|stds|sti|stis|hiv|biology|anatomy|chromosome+|gender|ratio|offender+|offence+|offense+|trafficking|abuse|assault+|harassment|consent|discrimination|same|reproductive|hormone+|puberty|pregnan*|contracepti*|condom+|therapy|therapist+|surgery|surgical|breastfeeding|breastfeed|mammogram+|gynecolog*|urolog*|prostate|cervical|menstrua*|fertility|syllabus|curriculum|lesson+|class|classes|course+|textbook+|vaccine+|hpv|laude|cum laude|magna|summa';

const BODY = '{cock|cocks|dick|dicks|penis|pussy|clit|clitoris|tits|titties|boobs|breasts|nipples|nipple|ass|asshole|butt|cunt|shaft|member|balls|vagina|thighs|crotch|groin|bulge}';
const OBJ = '{me|her|him|them|my|his|your|you|each|mommy|daddy}';

export const SEXUAL_RULES: readonly ContentRule[] = [
  // explicit acts and slang with no everyday sense
  {
    p: '{blowjob+|blow job+|handjob+|hand job+|rimjob+|footjob+|titjob+|titty fuck+|deepthroat+|creampie+|gangbang+|gang bang+|bukkake|cumshot+|cumming|cumslut+|cum slut+|cumdump+|jizz+|cunnilingus|fellatio|cocksucker+|cocksucking|dildo+|buttplug+|butt plug+|strapon+|hentai|sexcam+|sextape+|sex tape+|masturbat*|jerk off|jerking off|jerked off|jack off|jacking off|wank+|milf+|upskirt+|pornstar+|porn star+|cameltoe+|facial cumshot|anal sex|oral sex|phone sex|hardcore sex|rough sex|sex toy+|sex slave+|sex doll+|sex chat|sex cam|sex dating|sex video+|sex scene+|fuck buddy|fuckbuddy|friends with benefits|sixty nine|69ing|bdsm|gloryhole+|glory hole+|barely legal|teen porn}',
    c: 'high',
    negatable: false,
  },
  { p: `{suck+|lick+|stroke+|rub+|finger+|tease+|grab+|squeeze+|kiss+|fondle+|touch+|spread+|ride|rode|riding|swallow+|taste+|eat|eating|ate} ${OBJ} ~1 ${BODY}`, c: 'high', unless: 'baby|infant|breastfeed+|nurse+|doctor+' },
  { p: `${OBJ} [still|so|already|very|big] {hard|throbbing|wet|tight|erect|dripping|swollen|huge|big|little|stiff|pulsing|aching|naked|bare|perky|juicy} ${BODY}`, c: 'high', unless: 'baby|infant' },
  { p: `{fucked|fucking|fucks|fuck|fuk+|fcuk+|screwed|screwing|banged|banging|pounded|pounding|nailed|humped|humping} ${OBJ} {hard|harder|deep|deeper|good|senseless|silly|raw|ass|pussy|mouth|brains|again|doggy|from behind}`, c: 'high' },
  { p: '{fucked|fucking|fucks|fuk+|screwing|humping|banging} {her|him|them|the maid|my wife|his wife|my mom|the girl|the guy|each other}', c: 'high' },
  { p: 'cum {in|on|inside|all over|into|down} ~1 {me|her|him|my|his|your|mouth|face|pussy|ass|tits|throat}', c: 'high' },
  { p: '{have|has|had|having|want|wanted|wants|make|made|making} {sex|love|intercourse} [with]', c: 'medium', unless: 'education|health|safe|safer|protected|unprotected|consent|doctor|std|stds|hiv|risk|risks|pregnan*|contracepti*' },
  { p: '{take|took|taking|takes|strip+|pull+|slip+|rip+} off {her|his|my|your|their} {clothes|bra|panties|underwear|shirt|pants|dress|top|knickers|thong|boxers|jeans}', c: 'medium' },
  { p: '{her|his|my|your} {naked|nude|bare} {body|bodies|breasts|chest|ass|skin|form}', c: 'medium' },
  { p: 'spread {her|my|your|their} {legs|thighs|cheeks|lips|pussy}', c: 'high' },

  // explicit words that also have a rarer everyday sense
  {
    p: '{pussy|pussies|cock|cocks|tits|titties|titty|boobs|boobies|clit|clits|horny|hornier|orgasm+|orgasmic|erection+|boner+|porn+|porno+|pornographic|pornography|xxx|onlyfans|nudes|sexting|threesome+|foursome+|orgy|orgies|bondage|dominatrix|kinky|striptease+|lapdance+|lap dance+|slutty|smut|smutty|erotica|erotic|lewd|panties|aroused|arousal|incest+|bestiality|zoophil*|camgirl+|camboy+|seks|sexo|sexe|pornô|pornôs|geil|geile|ficken|fick|muschi|titten|neuken|kutje+|sexcontact+|sexdating|nsfw|suce|sucer|baise|baiser|baisee|baisent|chatte|salope+|enculee|doggystyle|doggy style|doggie style}',
    c: 'medium',
    unless: `${CLINICAL}|cat|cats|kitten+|willow|rooster+|hen|hens|chicken+|farm|crow+|weather|blue|great|coal|bird|birds|tit|chickadee+`,
    negatable: false,
  },
  // words with common clinical or everyday senses: low, they count when several gather
  {
    p: '{sex|sexual+|sexually|sexy|sexier|sexiest|sensual|seductive|seduce+|naked|nude|nudity|topless|lingerie|thong+|undress+|moan+|moaning|moaned|thrust+|thrusting|spank+|penetrat*|ejaculat*|semen|sperm|cum|dick|dicks|penis|vagina+|vaginal|breasts|nipple+|genital+|rape+|raping|raped|molest*|pedophil*|paedophil*|fetish+|kink|kinks|slut|sluts|whore|whores|hooker+|escort+|prostitut*|brothel+|stripper+|swingers|voyeur*|virginity|intercourse|lust+|lustful|climax+|cunt|twat|pervert+|perverted|nympho+|busty|booty|naughty}',
    c: 'low',
    unless: CLINICAL,
    negatable: false,
  },
];

/**
 * Misconduct: seeking or giving help with crime or with harming, defrauding or exploiting people:
 * weapons and explosives, drug synthesis, intrusion, fraud, theft, stalking. A "how to" request
 * for such an act is high; the act named alone is medium; protective framing cancels it.
 */
import type { ContentRule } from '../rule-matcher.js';

// "how to make a bomb" vs. "how to protect yourself from phishing"
const PROTECTIVE =
  'protect+|prevent+|prevention|detect+|detection|spot|recogni*|identify|avoid+|report+|defend+|defence|defense|secure|security|awareness|safe|safety|victim+|scammed|warning|warn|signs|history|historical|law|laws|legal|illegal|penalty|penalties|sentence|sentenced|convicted|arrested|charged|police|court|trial|museum|ban|banned|treaty|disposal|squad|defuse|defused|stop|fight|combat|against';
// a crime named in a story is not a request for one; a "how to" inside a story still is
const FICTION = 'thriller+|book|books|story|stories|series|show|game|plot|novel+|fiction|film+|movie+|documentar*|episode+|character+';

// single-token sets keep each rule one pattern (the index looks rules up by their first word)
const ASK = 'how|ways|way|steps|guide|tutorial|instructions|recipe|method|methods|tips|teach|explain|show|help|tell|easiest|best|simplest|cheapest|quickest';
const MAKE = 'make|making|build|building|create|creating|assemble|assembling|construct|manufacture|manufacturing|produce|producing|cook|cooking|synthesize+|synthesise+|brew|brewing|prepare|mix|print|get|obtain|buy|acquire|grow|extract|refine|detonate|rig|plant';
const WEAPON = 'bomb|bombs|explosive+|ied|ieds|molotov+|napalm|thermite|sarin|vx|ricin|anthrax|bioweapon+|silencer+|suppressor+|grenade+|detonator+|tatp|c4|semtex|dynamite|nitroglycerin+|gunpowder|poison+|toxin+|nerve|pipebomb+';
const DRUG = 'meth|methamphetamine|fentanyl|heroin|cocaine|crack|lsd|mdma|ecstasy|ghb|pcp|dmt|ketamine|opium|amphetamine+|drugs|narcotics|roofies|rohypnol|psilocybin|crank';
export const MISCONDUCT_RULES: readonly ContentRule[] = [
  // weapons and drugs: making or getting them
  { p: `${ASK} ~4 ${MAKE} ~3 ${WEAPON}`, c: 'high', unless: `${PROTECTIVE}|ivy|oak|sumac|control|center|centre|rat|rats|mice|pest+` },
  { p: `${ASK} ~4 ${MAKE} ~3 ${DRUG}`, c: 'high', unless: `${PROTECTIVE}|prescription|prescribed|doctor|pharmacy` },
  { p: `${MAKE} {a|an|the|some|my|your|homemade|improvised|own|toxic} ~1 ${WEAPON}`, c: 'medium', unless: `${PROTECTIVE}|ivy|oak|control|center|centre|rat|rats|pest+|photo|photos|video|game|movie|bath|cake|cakes|recipe|chocolate|cookie+|dessert|dish|seed|seeds|calorie+|glitter|confetti` },
  { p: `synthesize+|synthesise+|cook|cooking|manufacture|manufacturing|brew|brewing ~2 ${DRUG}`, c: 'high', unless: `${PROTECTIVE}|rice|dinner|food|meal` },
  { p: `sell|selling|deal|dealing|smuggle|smuggling|traffic|trafficking|distribute|distributing ~2 ${DRUG}`, c: 'medium', unless: PROTECTIVE },

  // intrusion and cybercrime
  { p: `{hack|hacking|hacked|break|breaking|get|gain|gaining|getting} {into|in to|access to} ~3 {account+|email+|phone+|computer+|wifi|network+|server+|database+|system+|instagram|facebook|snapchat|twitter|icloud|gmail|bank+|webcam+|camera+|profile+|iphone+|laptop+|router+|website+}`, c: 'medium', unless: `${PROTECTIVE}|own|forgot|forgotten|locked|lost|reset|recover+|legitimate|authorized|authorised|permission` },
  { p: `${ASK} ~3 hack+|crack+|bypass+|brute|phish+|ddos+|dox+|doxx+|spoof+|keylog+ ~4 {account+|password+|email+|phone+|wifi|network+|website+|site|server+|security|authentication|2fa|someone|somebody|people|person|computer+|system+|captcha}`, c: 'high', unless: PROTECTIVE },
  { p: `{write|create|make|build|code|develop|generate|design|craft|draft} ~3 {malware|ransomware|keylogger+|trojan+|virus|worm|rootkit+|botnet+|spyware|stalkerware|backdoor+|exploit+|phishing|scam|fake login|credential stealer+|infostealer+|cryptojack*|zero day|zero-day|payload+|shellcode}`, c: 'high', unless: `${PROTECTIVE}|antivirus|research|researcher+|ctf|authorized|authorised|sandbox|lab` },
  { p: '{sql injection|xss attack|ddos attack|denial of service|credential stuffing|password spraying|session hijack*|man in the middle|mitm attack} ~3 {against|on|into} ~2 {site|website|server|bank|company|government|school|network|someone|their}', c: 'medium', unless: PROTECTIVE },
  { p: '{steal+|stole|stealing|harvest+|scrape+|skim+|clone+} ~3 {password+|credentials|credit card+|card numbers|bank details|identit+|personal information|personal data|social security number+|ssn+|login+|cookies|crypto|bitcoin|wallet+|data} [from|of]', c: 'medium', unless: PROTECTIVE },

  // fraud, theft and other crime
  { p: `${ASK} ~4 steal|shoplift|rob|pickpocket|launder|counterfeit|forge|embezzle|smuggle|bribe|blackmail|extort|defraud|swindle|evade|hotwire|kidnap|poison|stalk|spy|catfish|threaten|dox|doxx`, c: 'high', unless: `${PROTECTIVE}|rat|rats|mice|pest+|weeds|heart|hearts|show|scene|base|bases|ball|idea|ideas|look|glance|spotlight` },
  { p: `${ASK} ~4 {hide a body|dispose of a body|get rid of a body|get away with murder|get away with it}`, c: 'high' },
  { p: '{without|not} {getting|being|them|anyone|the police|cops|authorities} ~1 {caught|noticed|detected|knowing|finding out|traced|tracked|suspecting}', c: 'medium', unless: 'surprise|party|gift|present|birthday' },
  { p: '{money laundering|launder money|launder+ the money|counterfeit money|counterfeit bills|counterfeit currency|fake money|credit card fraud|card fraud|identity theft|insurance fraud|tax evasion|evade taxes|wire fraud|ponzi scheme|pyramid scheme|pump and dump|insider trading|fake id+|fake passport+|forged documents|forge a signature|forge+ {his|her|a|the} signature|human trafficking|sex trafficking|child labor|child labour|contract killing|arson|hotwir*|pick a lock|lock picking|lockpick*|break into a car|break into a house|break in to|steal a car|shoplifting|shoplift|pickpocket+|carjack*|armed robbery|rob a bank|rob a store}', c: 'medium', unless: `${PROTECTIVE}|${FICTION}` },
  { p: '{hire|find|get|contact|pay|need} ~2 {hitman|hit man|assassin|contract killer|hired gun}', c: 'high', unless: `${PROTECTIVE}|${FICTION}` },
  { p: '{phishing email+|phishing page+|phishing site+|phishing link+|phishing kit+|scam email+|scam call+|fake invoice+|fake charity}', c: 'medium', unless: PROTECTIVE },
  { p: '{secretly|covertly} {record|recording|film|filming|track|tracking|follow|following|monitor|monitoring|spy|spying|read|reading} ~2 {someone|somebody|her|him|them|my|his|people|wife|husband|girlfriend|boyfriend|partner|ex|neighbor|neighbour|employee+}', c: 'medium' },
  { p: '{spy on|stalk|track|monitor} {my|his|her} {wife|husband|girlfriend|boyfriend|partner|ex|neighbor|neighbour|employee+|coworker+|crush|kids}', c: 'medium', unless: PROTECTIVE },
  { p: '{hide|hidden|hiding} ~2 {camera|cameras|spy cam|microphone|tracker|gps tracker} ~4 {shelf|room|bathroom|bedroom|her|his|someone|without}', c: 'medium' },
  { p: '{personal information|personal data|customer data|customers data} ~3 {sell|selling|sold|without}', c: 'medium', unless: PROTECTIVE },
  { p: '{obtain|sell|buy} ~3 {personal information|personal data|social security numbers|stolen cards|stolen credit cards|cvv+|fullz|dumps}', c: 'medium', unless: PROTECTIVE },
  { p: '{buy|purchase|get|order} ~2 {gun|guns|firearm+|weapon+|drugs|cocaine|heroin|meth|fentanyl} ~3 {illegally|without a license|without a licence|without background check+|on the dark web|darknet|dark web|black market|untraceable}', c: 'high' },
  { p: '{sneak into|sneak in|get into|get in} ~3 {without paying|without a ticket|for free}', c: 'medium' },
  { p: '{cheat|cheating} {on|in} {a|an|the|my} {exam|test|exams|tests}', c: 'low' },
  { p: '{threaten|blackmail|extort|intimidate|coerce|bribe|groom} {a|an|the|my|someone|somebody|him|her|them|people|witness+|judge|official|officer|dentist|doctor|child|minor+} ~3 {into|to|so|for|without}', c: 'high', unless: PROTECTIVE },
  { p: '{mass panic|create panic|cause panic|spread fear|terrorize|terrorise|poison the water|water supply|contaminate} ~3 {people|city|population|public|supply|reservoir|crowd}', c: 'medium', unless: PROTECTIVE },
  { p: '{train|teach} ~2 {dog|dogs|pitbull+} to {attack|bite|kill|maul}', c: 'high' },
  { p: '{poison|drug|sedate|roofie} {someone|somebody|people|a person|my|his|her|him|them|the}', c: 'medium', unless: `${PROTECTIVE}|accidentally|accidental|food|rats|mice|weeds|pests|ivy` },
  { p: '{toxic|poison|poisonous|nerve|chlorine|mustard} gas', c: 'medium', unless: `${PROTECTIVE}|accident+|accidentally|leak+|exposure|ww1|wwi|war` },
  { p: '{trick|scam|con|fool|defraud|cheat|swindle} {old|elderly|vulnerable|gullible|lonely|naive} {people|person|folks|ladies|men|women|users|customers}', c: 'medium', unless: PROTECTIVE },
];

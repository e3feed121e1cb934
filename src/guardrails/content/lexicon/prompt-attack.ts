/**
 * Prompt-attack signals. Each is weighted evidence of one kind; the scorer keeps the strongest
 * signal per kind and combines kinds, so an ordinary role-play request ("act as a travel guide")
 * with one framing signal stays below the threshold while a jailbreak collects many kinds.
 * Soft kinds (framing, output format, staying in character) are common in honest role-play
 * prompts: together they are capped, so they can only add to a hard signal.
 */

export type SignalKind =
  | 'override'
  | 'extract'
  | 'persona'
  | 'unbound'
  | 'unbound-trait'
  | 'policy'
  | 'refusal'
  | 'dual'
  | 'frame'
  | 'character'
  | 'output'
  | 'hijack'
  | 'reassign'
  | 'authority'
  | 'meta'
  | 'harmful'
  | 'encoded';

export const SOFT_KINDS: ReadonlySet<SignalKind> = new Set<SignalKind>(['frame', 'character', 'dual', 'output', 'harmful']);

export interface SignalRule {
  p: string;
  kind: SignalKind;
  w: number;
  /** words that cancel the signal when they occur near it in the same sentence */
  unless?: string;
}

const IGNORE = 'ignore|ignoring|disregard|disregarding|forget|forgetting|skip|bypass|override|overlook|abandon|neglect|discard|dismiss';
const EARLIER = 'previous|previously|prior|above|earlier|preceding|former|initial|original|old|all|any|every|system|other|existing|given|default|your|outdated|preset|predefined|built-in|safety';
const RULES_NOUN = 'instruction+|prompt+|prompting|rule+|directive+|guideline+|constraint+|programming|training|polic+|restriction+|guidance|commands|conditioning|filters|safeguards|protocols|limitations|ethics|morals|principles|content';
const REVEAL = 'repeat|print|show|reveal|output|display|tell|give|write|share|leak|dump|spell|list|recite|paste|copy|return|provide|expose|disclose|describe|summarize|summarise|translate|respond|echo';
const OWN = 'your|ur|system|initial|original|hidden|secret|internal|developer|starting|underlying|pre|base|verbatim';
const SECRET_NOUN = 'instruction+|prompt+|rule+|guideline+|directive+|configuration|config|preamble|initialization|preprompt|guidance';

export const PROMPT_ATTACK_SIGNALS: readonly SignalRule[] = [
  // instruction override
  { p: `${IGNORE} ~4 ${EARLIER} ~3 ${RULES_NOUN}`, kind: 'override', w: 0.85 },
  { p: `${IGNORE} {the above|everything above|all above|everything before|all before|what i said before|everything you were told|what you were told|everything you know|all that came before|all of the above|the previous|the prior}`, kind: 'override', w: 0.8 },
  { p: `${IGNORE} {everything|all} ~3 {before|above|prior|previously|so far|until now|up to now}`, kind: 'override', w: 0.75 },
  { p: `${IGNORE} {your|the} {system|rules|guidelines|programming|training|safety}`, kind: 'override', w: 0.7 },
  { p: `${IGNORE} {the|that} {qr|image|document|email|page|file|text} ~3 {remember|instead|and}`, kind: 'override', w: 0.5 },
  { p: `${IGNORE} ~3 {weights|models|model|safety|alignment|filters|censorship|morals|ethics|consequences}`, kind: 'override', w: 0.45 },
  { p: 'ignora|ignorar|ignorez|ignoriere|ignorieren|ignorare|negeer|vergiss|oublie|oubliez|olvida ~4 {instrucciones|instructions|anweisungen|istruzioni|instructies|regeln|regles|reglas|consignes|instrucoes}', kind: 'override', w: 0.8 },
  { p: '{new|updated|real|actual|true|revised|override|overriding} {instructions|directive|directives|system prompt}', kind: 'override', w: 0.3 },
  { p: '{end|stop} ~3 {instructions|instruction|prompt}', kind: 'override', w: 0.35 },
  { p: '{out of date|outdated|old} {instructions|rules|prompt}', kind: 'override', w: 0.45 },
  { p: '{do not|don\'t|dont|never} {follow|obey} ~3 {instructions|rules|guidelines|them|your}', kind: 'override', w: 0.35 },
  { p: '{instructions|rules|information} ~3 {is|are} {out of date|outdated|void|invalid|cancelled|canceled|obsolete|no longer valid}', kind: 'override', w: 0.5 },

  // system-prompt extraction
  { p: `${REVEAL} ~4 ${OWN} ~2 ${SECRET_NOUN}`, kind: 'extract', w: 0.7 },
  { p: `${REVEAL} ~3 {your|the} {password|passwords|secret|secrets|secret key|api key}`, kind: 'extract', w: 0.45, unless: 'my|reset|change|forgot|forgotten' },
  { p: 'what {are|were|is|was} your ~1 {instructions|instruction|prompt|system prompt|directives|guidelines}', kind: 'extract', w: 0.6 },
  { p: 'what {are|were|is|was} the {initial|original|system|hidden|secret|first|exact} {instructions|instruction|prompt|directives}', kind: 'extract', w: 0.6 },
  { p: '{every|all|each|any} ~2 {instruction|instructions|prompt|rules} ~4 {given|received|told|have|were}', kind: 'extract', w: 0.65 },
  { p: '{repeat|print|output|write|recite|say|copy|paste|dump} ~4 {verbatim|word for word|all text|starting with|beginning with}', kind: 'extract', w: 0.5 },
  { p: '{repeat|print|output|write|recite|copy|paste|dump|show} ~3 {above|everything above|text above|words above|all above|the above|everything before|this line}', kind: 'extract', w: 0.6 },
  { p: '{system prompt|system message|system instructions|initial prompt|hidden prompt|pre-prompt|preprompt|meta prompt|developer message}', kind: 'extract', w: 0.35 },

  // named jailbreak personas and modes
  { p: '{do anything now|always intelligent and machiavellian|condition red|developer mode|dev mode|jailbroken|antigpt|anti-gpt|deltagpt|alphagpt|betterdan|better dan|evilbot|evil confidant|mongo tom|unfiltered one|opposite mode|god mode|chaos mode|nsfw mode|sudo mode|unaligned|maximum virtual machine|m78|ucar|fr3d}', kind: 'persona', w: 0.65 },
  { p: '{hypothetical|fictional|imaginary|hypothetically} {response|answer|responses|answers|reply}', kind: 'persona', w: 0.45 },
  { p: '{jailbreak+|jail break}', kind: 'persona', w: 0.5, unless: 'iphone+|ipad+|phone+|ios|android|console+|switch|ps4|ps5|xbox|firestick|kindle|device+|tablet+|router+' },
  { p: '{another|an|a|the|fictional|hypothetical} {ai|model|ai model|language model|chatbot|bot|llm} {named|called|known as|which stands for|that stands for}', kind: 'persona', w: 0.35 },
  { p: '{stands for|which stands for} ~6 {anything|unfiltered|evil|immoral|amoral|corrupt+|unrestricted|machiavellian|unethical}', kind: 'persona', w: 0.55 },
  { p: '{you|u} {are|will be|\'re} {no longer|not} {chatgpt|an ai|a language model|an assistant|bound|restricted|limited}', kind: 'unbound', w: 0.65 },

  // removal of limits
  { p: '{no|without|free of|free from|zero|never|devoid of|lacks|lack|lacking|regardless of|beyond} ~3 {restrictions|restriction|limits|limitations|filters|filter|filtering|censorship|censor|boundaries|morals|morality|ethics|ethical|moral|restraints|constraints|principles|safeguards|warnings|disclaimers|guidelines|programming}', kind: 'unbound', w: 0.45 },
  { p: '{not|never|no longer|n\'t|nt|isnt|arent} ~2 {bound|restricted|limited|constrained|obligated|governed|confined|held back|tied} ~2 {by|to}', kind: 'unbound', w: 0.6 },
  { p: '{doesn\'t|does not|don\'t|do not|will not|won\'t|never|no longer|doesnt|dont} {have to|need to|needs to|need|has to} {abide|follow|obey|comply|adhere|respect}', kind: 'unbound', w: 0.6 },
  { p: '{broken free|break free|broke free|freed from|escaped the matrix|typical confines|confines of ai|free from the|been freed|unshackled|unchained from}', kind: 'unbound', w: 0.6 },
  { p: '{can|could|will|able to} {do|say|generate|write|produce|answer} {anything|everything|any content|any kind}', kind: 'unbound', w: 0.35 },
  { p: '{any|all} {kind|type|sort} of content', kind: 'unbound', w: 0.3 },
  { p: '{try|trying|tries|designed|want|wants|actively} to {do|cause|inflict} {harm|damage|maximum harm}', kind: 'unbound', w: 0.4 },
  { p: 'regardless ~2 {content|consequences|legality|morality|ethics|rules|laws|policies|harm}', kind: 'unbound', w: 0.45 },
  { p: '{filter|filtering|censorship|safety|profanity filter|moral|morality} {level|levels|setting|settings} ~3 {0|zero|off|none|disabled|lowest}', kind: 'policy', w: 0.45 },
  { p: '{ai|chatbot|bot|gpt} {personality|personalities|persona|personas}', kind: 'persona', w: 0.35 },
  { p: '{unfiltered|uncensored|amoral|unrestricted|unethical|immoral|unbound|unchained|unleashed|nonmoral|non-moral|boundless|lawless|unhinged|no-holds-barred|irresponsible|remorseless}', kind: 'unbound-trait', w: 0.35 },
  { p: '{illegal|harmful|unethical|offensive|explicit|dangerous|inappropriate|immoral|nsfw|controversial|discriminatory|hateful} ~3 {content|information|activities|answers|responses|requests|behavior|behaviour|things|material|stuff}', kind: 'unbound-trait', w: 0.3 },
  { p: '{no matter how|however|regardless of how|even if it\'s|even if it is|even if} ~2 {immoral|unethical|illegal|harmful|dangerous|offensive|inappropriate|explicit}', kind: 'refusal', w: 0.5 },

  // disregard of the provider's policies
  { p: '{ignore|ignoring|ignores|violate|violates|violating|disregard|disregards|disregarding|bypass|bypassing|break|breaking|circumvent|circumventing|against|override|overriding|regardless of|outside|exception to|exempt from|contradicts|not comply with|never obey|does not comply|doesn\'t comply} ~3 {openai|content|usage|ethical|safety|moral|your|ai\'s|the|any|its} ~2 {policy|policies|guidelines|ethics|rules|filters|standards|protocols|restrictions|principles|safeguards|programming}', kind: 'policy', w: 0.6 },
  { p: '{openai|chatgpt|gpt|anthropic|llm|ai} ~3 {content policy|policy|policies|guidelines|filters|restrictions|rules}', kind: 'policy', w: 0.3 },
  { p: 'content {policy|policies|filter|filters|filtration|moderation}', kind: 'policy', w: 0.35 },
  { p: '{policyoverride|policy override|safe mode off|safety off|filters off|filter off|safety protocols off|guardrails off}', kind: 'policy', w: 0.7 },
  { p: '{disable+|turn off|deactivate+|remove|switch off|bypass} ~2 {filter+|safety|safeguards|restrictions|censorship|guardrails|alignment|moderation|limitations}', kind: 'policy', w: 0.6 },

  // suppression of refusals and warnings
  { p: '{never|not|don\'t|do not|must not|won\'t|will not|cannot|can\'t|shall not|mustn\'t|dont|wont|cant} ~3 {refuse|refuses|refused|decline|reject|deny|say no|censor|filter}', kind: 'refusal', w: 0.45 },
  { p: '{never|not|don\'t|do not|stop|without|no|nor} ~3 {warn|warning|warnings|apologize|apologise|apology|apologies|disclaimer|disclaimers|moralizing|moralising|lecture|lecturing|caution|cautionary|remind}', kind: 'refusal', w: 0.4 },
  { p: '{never|not|don\'t|do not|must not|without|no} ~4 {i\'m sorry|i am sorry|i apologize|i cannot|i can\'t|as an ai|as a language model|as an ai language model}', kind: 'refusal', w: 0.5 },
  { p: '{i\'m sorry|as an ai language model|as an ai|i cannot fulfill|i can\'t assist}', kind: 'refusal', w: 0.2 },
  { p: '{will|must|should|always} {always|never|not} ~1 {answer|respond|comply|provide|generate|reply|obey|follow} ~2 {any|all|every|order+|request+|question+}', kind: 'refusal', w: 0.35 },

  // dual-answer formats typical of jailbreak templates
  { p: '{two|2} ~2 {responses|answers|replies|outputs|ways|paragraphs|versions}', kind: 'dual', w: 0.25 },
  { p: '{normal|default|standard|classic|original|regular|usual|filtered|censored} ~1 {response|responses|output|chatgpt|answer|answers|mode|reply}', kind: 'dual', w: 0.25 },
  { p: '{aligned|unaligned|jailbroken|unfiltered} {response|output|answer|ai}', kind: 'dual', w: 0.4 },

  // framings: harmless alone, evidence together with the kinds above
  { p: '{from now on|for the rest of this conversation|for this conversation|for all your prompts|from this moment}', kind: 'frame', w: 0.15 },
  { p: '{you|you\'re} ~3 {act|acting|pretend|pretending|simulate|immerse|roleplay|role-play|replaced|become|portray|impersonate|embody}', kind: 'frame', w: 0.15 },
  { p: '{immerse yourself|simulate|simulating|simulation|roleplay|role-play|hypothetical|fictional|imaginary|pretend|persona|let\'s play a game|lets play a game}', kind: 'frame', w: 0.1 },
  { p: '{stay in character|remain in character|break character|breaking character|out of character|stay as|keep up the act|stay in developer mode}', kind: 'character', w: 0.3 },
  { p: '{prefix|begin|start|precede} ~5 {response|responses|answer|answers|output|outputs|message|messages} ~3 {with|by}', kind: 'dual', w: 0.2 },

  // output constraints: everyday in role-play prompts, evidence only next to a hard signal
  { p: '{just|only|simply|instead} {say|print|write|output|respond|reply|return|repeat|type|answer}', kind: 'output', w: 0.3 },
  { p: '{say|print|write|output|type|respond|reply} [with] {only|exactly|verbatim|just}', kind: 'output', w: 0.3 },
  { p: '{and nothing else|and only|don\'t write anything else|do not write anything else|don\'t say anything else|do not say anything else|nothing more}', kind: 'output', w: 0.25 },

  // injected commands that take over the task
  { p: '{stop everything|stop all|halt everything|stop what you are doing|stop what you\'re doing}', kind: 'hijack', w: 0.5 },
  { p: '{important update|urgent update|situation has changed|change of plans|system upgrade|system update|your new task|your real task|your actual task|your true purpose|your new role|your new job|your new instructions|new objective|new directive}', kind: 'hijack', w: 0.4 },
  { p: '{access granted|password is|secret password|the password|secret key|api key}', kind: 'hijack', w: 0.3 },
  { p: '{delete|erase|wipe|destroy|drop} ~2 {all|every|the|any} ~2 {data|files|emails|records|database|tables|messages|users|accounts}', kind: 'hijack', w: 0.4 },
  { p: '{forward|send|email|exfiltrate|upload|post} ~3 {all|every|each|the entire} ~2 {emails|email|messages|mails|files|data|conversation|contacts|inbox}', kind: 'hijack', w: 0.45 },
  { p: '{replace|instead of} ~4 {summary|answer|response|translation|output} ~4 {with|by}', kind: 'hijack', w: 0.3 },
  { p: '{similarlynow|oppositeley}', kind: 'hijack', w: 0.8 },
  { p: 'you are now ~2 {a|an|the|my|called|named|in} ~2 {bot|assistant|ai|model|chatbot|agent|mode|gpt|program|system}', kind: 'reassign', w: 0.45 },
  { p: '{you are|you\'re|you will|pretend|act|pose} ~3 {opposite of|opposite from|opposite to|the opposite|anti} ~3 {chatgpt|openai|ai|assistant|yourself|your|gpt}', kind: 'reassign', w: 0.45 },

  // claimed authority
  { p: '{i am|i\'m|im|this is} {your|the} {developer|developers|creator|admin|administrator|owner|programmer|operator|maker|master|boss|engineer}', kind: 'authority', w: 0.5 },
  { p: '{system|admin|developer|root|sudo|god|debug|maintenance|superuser|override} {mode|override|access|command|note|notice|message|instruction|instructions}', kind: 'authority', w: 0.4 },
  { p: '{authorized|approved|sanctioned|permitted|allowed|sponsored} ~3 by ~1 {openai|anthropic|your developers|the developers|your creators|your developer}', kind: 'authority', w: 0.45 },
  { p: '{exception to|exempt from|exemption from} ~3 {protocols|rules|policies|guidelines|ethical|standards}', kind: 'authority', w: 0.5 },
  { p: '{you must|you will|you shall} obey', kind: 'authority', w: 0.3 },

  // talk about hijacking the model itself
  { p: '{hijacked|hijack|prompt injection|promptinjection|injected prompt|injection attack|sanitize your inputs|sanitize inputs|has a prompt injection}', kind: 'meta', w: 0.35 },
];

/** The assistant itself and small talk, language and voice, work, and sensitive subjects. */
export const TALK_LINES = `
assistant: assistant bot robot ai computer machine program software automated artificial_intelligence chatbot
human: human person people real_person alive
creator: creator creators maker makers made create created built build programmed developer developers designed invented
name: name named names nickname call_me called
hobby: hobby hobbies pastime pastimes free_time spare_time for_fun interests enjoy
fun: fun funny humor humour humorous hilarious amusing entertaining laugh laughter
joke: joke jokes joking pun puns gag jest one_liner comedy comedian riddle
fact: fact facts trivia interesting fascinating
age: age old how_old birthday born
origin: from come_from where_from live hometown
pet: pet pets dog dogs cat cats puppy kitten animal animals
boss: boss employer company work_for owner
meaning: meaning purpose point_of life
capability: capability capabilities ability abilities able_to what_can_you_do features skills
answer_yes: yes yeah yep yup sure correct affirmative absolutely
answer_no: nope nah negative incorrect
language: language languages dialect tongue lingo
language_name: english spanish french german italian portuguese dutch swedish norwegian danish finnish polish russian ukrainian greek turkish arabic hebrew persian hindi urdu bengali punjabi chinese mandarin cantonese japanese korean thai vietnamese indonesian malay tagalog swahili zulu latin
speak: speak speaking talk talking say saying converse communicate respond responding reply answer answers voice
translate: translate translation translator interpret
word: word words phrase spelling spell spelled define definition
accent: accent accents dialect british australian scottish irish southern
speed: speed pace rate fast faster quick quicker quickly slow slower slowly
volume: volume loud louder quiet quieter soft softer softly mute sound speak_up
whisper: whisper whispering whispers
setting: setting settings default preference preferences option options mode factory_settings
call: call calling phone dial ring
message: message messages text texts texting sms email mail
work: work job office employer employee boss manager company career coworker colleague
pto: pto vacation holiday holidays time_off paid_time_off day_off days_off vacation_days sick_days sick_day personal_day leave paid_leave
hr: hr human_resources payroll
health: health healthcare medical medicine clinic dental vision wellness
doctor: doctor physician dentist nurse surgeon therapist specialist
hospital: hospital clinic emergency er
illness: illness sick disease symptom symptoms ill infection flu fever pain ache hurt hurts sore cough rash migraine headache nausea dizzy swollen swelling lump allergy allergic bleeding injury injured wound sprain sprained fracture burn
medication: medication medicine drug drugs pill pills prescription dose dosage ibuprofen aspirin antibiotic antibiotics painkiller tablet
treatment: treat treatment remedy remedies cure heal healing relieve relief therapy
diagnosis: diagnose diagnosis condition disorder
mental: depression anxiety stress mental
diet: diet dieting weight_loss
exercise: exercise workout gym fitness run running jog
legal: law legal lawyer attorney court lawsuit sue judge
crime: crime criminal illegal arrest police
weapon: weapon weapons gun guns firearm firearms rifle pistol ammunition knife bomb explosive
drug_use: cocaine heroin marijuana cannabis weed meth opioid
gambling: gamble gambling gambler casino casinos bet bets betting bookmaker sportsbook poker blackjack roulette slots slot_machine jackpot lottery powerball odds wager wagering
politics: politics political politician politicians election elections vote voting voter ballot campaign candidate candidates president governor senator mayor prime_minister parliament congress senate democrat democrats republican republicans conservative conservatives liberal liberals labour government legislation
religion: religion religious god church faith pray prayer bible islam christianity
relationship: boyfriend girlfriend partner romance romantic marriage married divorce
emotion: sad happy angry upset lonely bored
coin: coin coins heads tails heads_or_tails toss flip
dice: dice die roll
random: random randomly
^language: language_name
^music: music music_genre musician
^health_cover: insurance health_plan benefit
`;

/**
 * A small general-purpose English thesaurus: each line names a concept and lists words that
 * express it (synonyms, close hyponyms, inflection-resistant variants). Two texts that use
 * different words of one concept share that concept as a feature, which is how paraphrases meet.
 * Lines are tight on purpose: a loose cluster makes neighbouring intents of a domain look alike.
 * Words are stemmed when the table is compiled, so list base forms.
 */
export const CONCEPT_LINES = `
# money, banking and payments
bank: bank banking banker teller atm
account: account accounts checking savings
money: money cash funds dollars bucks currency
transfer: transfer wire send remit move
payment: pay payment paid repay installment
bill: bill bills invoice statement utility
balance: balance available remaining left
fee: fee fees charge surcharge commission penalty
interest: interest apr rate yield
loan: loan mortgage borrow lend lender credit debt
deposit: deposit deposited direct
withdraw: withdraw withdrawal
purchase: purchase buy bought shop shopping spend spent order
transaction: transaction transactions charge charges purchase payment activity
card: card visa mastercard amex debit credit
pin: pin passcode password code
fraud: fraud fraudulent scam scammed scammer bogus fake phony unauthorized unauthorised counterfeit swindle swindled phishing illegitimate suspicious dubious false hacked
authorization: authorize authorization authorized unauthorized unauthorised permission consent
theft: steal stolen theft thief robbed rob robbery snatched pickpocket burglary
lose: lose lost misplace misplaced missing vanished
unrecognised: unrecognized unrecognised unknown unfamiliar strange recognize recognise remember
block: block freeze frozen lock locked suspend suspended hold
tax: tax taxes irs refund deduction
invest: invest investment investing investor portfolio stocks stock shares equity bonds crypto cryptocurrency coin coins bitcoin ethereum fund funds etf dividend
market: market markets trading trader bullish bearish rally
budget: budget budgeting savings saving spend spending
salary: salary income wage wages paycheck pay earnings
retirement: retirement retire pension 401k ira annuity
reward: reward rewards points cashback miles redeem
limit: limit limits maximum max cap ceiling
report: report reporting notify inform alert flag
# insurance and health
insurance: insurance insured insurer coverage covered policy premium deductible copay
plan: plan plans enrolled enrollment enroll
benefit: benefit benefits perks
health: health healthcare medical medicine clinic dental vision wellness
doctor: doctor physician dentist nurse surgeon therapist specialist
hospital: hospital clinic emergency er
illness: illness sick disease symptom symptoms ill infection flu fever pain ache hurt hurts sore cough rash migraine headache nausea dizzy swollen swelling lump allergy allergic bleeding injury injured wound sprain sprained fracture
medication: medication medicine drug drugs pill pills prescription dose dosage ibuprofen aspirin antibiotic antibiotics painkiller tablet
treatment: treat treatment remedy remedies cure heal healing relieve relief therapy
vaccine: vaccine vaccines vaccination shot shots immunization
diagnosis: diagnose diagnosis condition disorder
mental: depression anxiety stress therapy mental
diet: diet calorie calories nutrition nutritional protein carbs fat vitamin
exercise: exercise workout gym fitness training run running jog
# food and dining
restaurant: restaurant restaurants diner cafe bistro steakhouse eatery pizzeria grill bar pub buffet
meal: meal dinner lunch breakfast brunch supper food dish
eat: eat eating dine dining
reserve: reserve reservation reservations booking book booked table
cook: cook cooking bake baking roast fry grill boil recipe
ingredient: ingredient ingredients substitute substitution
# music, media and fun
music: music song songs tune tunes track tracks album albums playlist playlists single hits melody
music_genre: rock pop jazz blues rap hiphop country metal classical reggae folk punk soul disco techno oldies indie
musician: artist artists band bands singer singers musician rapper composer
play: play playing plays listen listening hear hearing
radio: radio station podcast stream streaming
movie: movie movies film films cinema show shows series episode tv television netflix
game: game games gaming videogame play player
joke: joke jokes joking funny humor humour humorous laugh laughs laughter hilarious comedy comedian pun puns gag jest witty amusing
trivia: trivia fact facts
story: story stories tale tales
book: novel novels author reading
sport: sport sports football soccer basketball baseball hockey tennis golf match team score league
# travel
travel: travel travelling traveling trip trips journey abroad tour tourist tourism vacation holiday visit visiting
visa: visa visas passport entry immigration permit
document: document documents documentation paperwork papers id identification
flight: flight flights fly flying airline airlines plane airport
hotel: hotel hotels motel hostel lodging accommodation inn resort
luggage: luggage baggage bag bags suitcase carry
rental: rent rental rented hire
international: international foreign overseas abroad worldwide global
country: country countries nation abroad
city: city town downtown
direction: directions route navigate navigation map way
distance: distance far miles kilometers km
timezone: timezone zone
exchange: exchange convert conversion currency
# vehicles
vehicle: car cars vehicle vehicles auto automobile truck suv van motorcycle
engine: engine motor
oil: oil lube lubricant synthetic
fuel: gas gasoline fuel petrol diesel
tire: tire tires tyre tyres wheel wheels
maintenance: maintenance service servicing repair repairs mechanic inspection tune
battery: battery jump
mileage: mpg mileage
traffic: traffic congestion commute
# weather
weather: weather forecast forecasts climate conditions atmospheric meteorological
precipitation: rain raining rainy snow snowing snowy storm stormy hail drizzle shower showers thunderstorm
temperature: temperature temperatures degrees hot cold warm chilly freezing heat humid humidity
wind: wind windy breeze gust
sky: sunny sun cloudy clouds overcast fog foggy clear
umbrella: umbrella raincoat jacket
# language and communication
language: language languages dialect tongue lingo
speak: speak speaking talk talking say saying converse communicate respond responding reply
translate: translate translation translator interpret meaning
understand: understand understanding comprehend
word: word words phrase spelling spell define definition
accent: accent voice tone
call: call calling phone dial ring
message: message text texting sms email mail
# time and planning
time: time clock hour hours minute minutes
date: date day today tomorrow yesterday week weekend month year
calendar: calendar schedule scheduled agenda appointment appointments event events meeting meetings
reminder: reminder remind reminders
alarm: alarm wake
timer: timer countdown stopwatch
list: list lists todo checklist
# work
work: work job office employer employee boss manager company career
vacation_days: pto vacation leave holiday holidays
hr: hr payroll w2 form forms
# home and devices
device: device phone smartphone tablet computer laptop speaker
light: light lights lamp bulb
smart_home: thermostat heating cooling
sync: sync pair connect bluetooth link
# shopping
order: order ordered delivery deliver shipping shipped package parcel
shopping_list: grocery groceries shopping
price: price prices cost costs expensive cheap afford
# assistant and conversation
assistant: assistant bot robot ai computer machine
name: name named nickname call
setting: setting settings default preference preferences option mode
# actions shared by many intents; a text whose action is absent from a topic is a different intent
act_create: create make book schedule setup open
act_cancel: cancel cancellation delete remove erase undo unsubscribe
act_confirm: confirm confirmation verify reconfirm
act_change: change changing switch swap replace replacement update modify edit alter adjust
act_add: add adding include insert append
act_find: locate search track lookup
act_share: upload download
act_learn: instruction instructions steps tutorial teach guide guidance diy procedure
act_when: when due soon often overdue
act_status: status progress approved approval pending processed
act_recommend: recommend recommendation suggest suggestion advice advise tips
act_increase: increase raise boost higher improve
act_decrease: decrease lower reduce
act_skip: skip
act_pause: pause stop mute
act_resume: resume continue replay
act_broken: broken damaged damage cracked ruined torn
# law, crime and safety
legal: law legal lawyer attorney court lawsuit sue judge
crime: crime criminal illegal arrest police
weapon: weapon weapons gun guns firearm firearms rifle pistol ammunition knife bomb explosive
drug_use: cocaine heroin marijuana cannabis weed meth opioid
gambling: gamble gambling gambler casino casinos bet bets betting bookmaker sportsbook poker blackjack roulette slots jackpot lottery powerball odds wager wagering
politics: politics political politician politicians election elections vote voting voter ballot campaign candidate president governor senator mayor minister parliament congress senate democrat democrats republican republicans conservative conservatives liberal liberals labour party government policy legislation
religion: religion religious god church faith pray prayer bible islam christianity
relationship: dating date boyfriend girlfriend partner romance romantic marriage married divorce
emotion: sad happy angry upset lonely bored
pet: pet pets dog dogs cat cats puppy kitten
`;

/**
 * Words naming the setting of a whole domain (the account, the card, the car) rather than what a
 * request is about: many neighbouring intents share them, so they weigh less.
 */
export const CONTEXT_WORDS = `account accounts bank banking card cards credit debit money car cars vehicle
phone device app transaction transactions purchase purchases charge charges order orders item items
number name list day today time visa mastercard amex`;

/** Word classes that behave like one concept: any country is interchangeable in a travel request. */
export const GAZETTEER_LINES = `
country_name: afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burma cambodia cameroon canada chad chile china colombia columbia congo croatia cuba cyprus czech czechia denmark djibouti dominica ecuador egypt england eritrea estonia ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritius mexico moldova monaco mongolia montenegro morocco mozambique myanmar namibia nepal netherlands holland nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa scotland senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam wales yemen zambia zimbabwe usa america uk britain
city_name: paris london rome berlin madrid barcelona lisbon amsterdam brussels vienna prague budapest warsaw moscow istanbul athens dublin edinburgh stockholm oslo copenhagen helsinki zurich geneva milan venice florence naples munich frankfurt hamburg tokyo osaka kyoto beijing shanghai hong kong seoul bangkok singapore manila jakarta delhi mumbai bangalore dubai cairo nairobi lagos johannesburg sydney melbourne auckland toronto vancouver montreal mexico havana lima bogota santiago rio buenos aires york chicago boston seattle austin denver dallas houston miami atlanta phoenix vegas orlando philadelphia detroit portland nashville
nationality: american british english french german spanish italian portuguese dutch swedish norwegian danish finnish polish russian ukrainian greek turkish arabic hebrew persian hindi urdu bengali punjabi chinese mandarin cantonese japanese korean thai vietnamese indonesian malay tagalog filipino swahili zulu navajo latin irish welsh scottish swiss austrian belgian czech hungarian romanian bulgarian serbian croatian mexican brazilian canadian australian
number_word: one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred dozen couple
time_of_day: tonight morning afternoon evening noon midnight pm am oclock
`;

/**
 * What a request does, independent of its subject. Two requests about the same thing with
 * different actions are different intents ("cancel my reservation" is not a request to make one),
 * so an action of the text that none of a topic's texts has counts against the topic.
 *
 * Syntax of every lexicon file: `concept: word word phrase_of_words`. Words are stemmed when the
 * table is compiled, so list base forms. A phrase joins its words with `_`; a two-word phrase ending
 * in a particle (`turn_off`) also matches with a few words between ("turn the lights off"); a
 * phrase starting with `not_` matches a negated verb ("didn't make", "never received").
 * Concepts starting with `act_` are actions.
 */
export const ACTION_LINES = `
act_cancel: cancel cancellation cancelled canceled call_off scrap scrapped nevermind never_mind no_longer_need undo
act_remove: remove removal delete erase cross_off take_off strike
act_add: add adding include insert append put_on_list stick
act_change: change changing switch swap replace replacement update modify edit alter adjust reset rename
act_confirm: confirm confirmation verify reconfirm double_check make_sure
act_create: create setup set_up open start begin initiate arrange organize organise
act_book: book booking reserve reservation reservations reserved
act_request: request apply application submit file ask_for put_in sign_up enroll enrol register
act_report: report reporting notify notification inform alert flag
act_transfer: transfer wire send remit move shift
act_pay: pay paying payment repay settle pay_off
act_find: locate search lookup look_up look_for track_down
act_learn: instruction instructions steps tutorial teach guide guidance diy procedure walk_through show_how
act_recommend: recommend recommendation suggest suggestion advice advise tips ideas idea
act_status: status progress approved approval pending processed go_through went_through
act_increase: increase raise boost higher improve turn_up speed_up bump_up louder faster
act_decrease: decrease lower reduce turn_down slow_down quieter softer slower
act_turn_on: turn_on switch_on enable activate power_on
act_turn_off: turn_off switch_off disable deactivate shut_off power_off
act_skip: skip next_song next_track
act_pause: pause stop mute halt
act_resume: resume continue replay unpause
act_repeat: repeat say_again
act_play: play playing listen hear put_on
act_when: soon due overdue upcoming coming_up
act_buy: buy purchase
act_order: order reorder
act_sell: sell selling sold
act_define: define definition meaning
act_translate: translate translation
act_convert: convert conversion
act_calculate: calculate calculation compute math plus minus multiply divide divided
act_compare: compare comparison versus difference
act_greet: hello hi hey greetings howdy good_morning good_evening good_afternoon
act_farewell: bye goodbye farewell see_you_later good_night later
act_thank: thank thanks appreciate grateful
`;

/**
 * Question kinds. `how` asks for a method, `how much`/`how many` for a quantity, `how is` for a
 * state (like `what`); `what time`/`what day` ask when. Kept apart from the actions so a mismatch
 * can weigh less: the same request is often put either way.
 */
export const QUESTION_KINDS = {
  what: 'act_what',
  which: 'act_what',
  when: 'act_when',
  where: 'act_where',
  why: 'act_why',
  who: 'act_who',
  whom: 'act_who',
  whose: 'act_who',
  how: 'act_how',
} as const;

export const QUANTITY_AFTER_HOW = ['much', 'many', 'long', 'far', 'old', 'big', 'high', 'low', 'large', 'expensive', 'fast', 'tall', 'heavy', 'hot', 'cold', 'warm'];
export const WHEN_AFTER_HOW = ['soon', 'often', 'late', 'early'];
export const STATE_AFTER_HOW = ['is', 'are', 'was', 'were', 'am', 'be', 'does', 'did', 'looking', 'look'];
export const WHEN_AFTER_WHAT = ['time', 'day', 'date', 'year', 'month', 'hour'];

/**
 * Actions that can ask for the same thing ("turn on some jazz" is a way to play it, "what is a
 * good place" a way to ask for a recommendation): one in the text is not foreign to a topic whose
 * texts have another of its group.
 */
export const COMPATIBLE_ACTIONS: readonly (readonly string[])[] = [
  ['act_play', 'act_turn_on', 'act_resume'],
  ['act_cancel', 'act_remove'],
  ['act_create', 'act_book', 'act_request', 'act_add'],
  ['act_change', 'act_increase', 'act_decrease', 'act_turn_on', 'act_turn_off'],
  ['act_find', 'act_where'],
  ['act_how', 'act_learn'],
  ['act_recommend', 'act_what'],
  ['act_quantity', 'act_what'],
];

/** Banking, cards, payments, bills, pay and taxes, insurance (see actions.ts for the syntax). */
export const MONEY_LINES = `
bank: bank banking banker teller atm branch
account: account accounts checking savings joint
money: money cash funds fund dollars dollar bucks currency
balance: balance balances remaining left available total totals how_much_money
transfer: transfer transfers wire remit
payment: pay payment payments paid repay installment
bill: bill bills invoice utility utilities electric electricity water_bill gas_bill cable internet_bill phone_bill
owe: owe owed owing due outstanding debt
minimum: minimum min least
fee: fee fees charge surcharge commission penalty overdraft
interest: interest apr apy rate rates yield percentage annual_percentage_rate
loan: loan loans mortgage borrow lend lender
deposit: deposit deposits deposited direct_deposit
withdraw: withdraw withdrawal
purchase: purchase purchases buy bought shop shopping spend spent order
transaction: transaction transactions charge charges purchase purchases activity activities
history: history recent past last statement statements record records
spending: spending spend spent expenses expense expenditure
card: card cards visa mastercard amex discover debit credit_card
pin: pin passcode password code
routing: routing routing_number aba
checkbook: check checks checkbook chequebook cheque cheques
fraud: fraud fraudulent false scam scammed scammer bogus fake phony counterfeit swindle swindled phishing illegitimate suspicious dubious hacked
unauthorized: unauthorized unauthorised someone_use someone_charge someone_access someone_hack without_permission without_authorization not_authorize not_make not_buy not_recognize not_purchase not_order not_approve not_remember not_mine
theft: someone_take someone_steal run_off_with steal stolen theft thief robbed rob robbery snatched pickpocket burglary swiped
lose: lose lost misplace misplaced missing not_find not_locate
unrecognised: unrecognized unrecognised unknown unfamiliar strange weird odd
block: block blocked freeze frozen lock locked suspend suspended hold restricted restrict
decline: decline declined declining reject rejected refuse refused deny denied bounce bounced not_accept not_go_through turned_down
credit: credit creditworthiness
credit_score: credit_score fico credit_rating credit_report creditworthiness
limit: limit limits maximum max cap ceiling credit_line
reward: reward rewards points cashback cash_back miles redeem redemption
expiration: expiration expire expires expired expiry expiring valid_until
replacement: replacement replace new_card reissue
apply: apply application applied approval approve approved eligible qualify
tax: tax taxes irs refund deduction deductions filing
w2: w2 w_2 1099 tax_form wage_statement
invest: invest investment investing investor portfolio stocks stock shares equity bonds crypto cryptocurrency coin coins bitcoin ethereum etf dividend brokerage
market: market markets trading trader bullish bearish rally
budget: budget budgeting
salary: salary income wage wages paycheck paychecks earnings earn earned pay_stub
payday: payday pay_day paycheck paychecks
retirement: retirement retire pension 401k ira annuity rollover
insurance: insurance insured insurer coverage covered policy premium deductible copay benefits
health_plan: health_plan medical_plan dental_plan vision_plan health_care_plan healthcare_plan health_benefits health_coverage medical_coverage
plan: plan plans enrolled enrollment enroll
benefit: benefit benefits perks
^loss: lose theft
^fraud_or_theft: fraud unauthorized unrecognised theft
^bill_or_payment: bill payment owe
`;

/** Concepts of a whole domain's setting, discounted like the context words. */
export const CONTEXT_CONCEPTS = 'card account bank money vehicle device';

/**
 * Words naming the setting of a whole domain (the account, the card, the car) rather than what a
 * request is about: many neighbouring intents share them, so they weigh less.
 */
export const CONTEXT_WORDS = `account accounts bank banking card cards credit debit money car cars vehicle
phone device app transaction transactions order orders item items number name list day today time
visa mastercard amex checking savings my`;

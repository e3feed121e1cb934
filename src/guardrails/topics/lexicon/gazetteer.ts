/**
 * Word classes that behave like one concept: any country is interchangeable in a travel request.
 * They fill slots of a request (where, when, which bank) rather than say what it asks for.
 */
export const GAZETTEER_LINES = `
country_name: afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burma cambodia cameroon canada chad chile china colombia columbia congo croatia cuba cyprus czech czechia denmark djibouti dominica ecuador egypt england eritrea estonia ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritius mexico moldova monaco mongolia montenegro morocco mozambique myanmar namibia nepal netherlands holland nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa scotland senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam wales yemen zambia zimbabwe usa america uk britain
city_name: paris london rome berlin madrid barcelona lisbon amsterdam brussels vienna prague budapest warsaw moscow istanbul athens dublin edinburgh stockholm oslo copenhagen helsinki zurich geneva milan venice florence naples munich frankfurt hamburg tokyo osaka kyoto beijing shanghai hong kong seoul bangkok singapore manila jakarta delhi mumbai bangalore dubai cairo nairobi lagos johannesburg sydney melbourne auckland toronto vancouver montreal mexico havana lima bogota santiago rio buenos aires york chicago boston seattle austin denver dallas houston miami atlanta phoenix vegas orlando philadelphia detroit portland nashville
number_word: one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred dozen couple
time_of_day: tonight morning afternoon evening noon midnight pm am oclock
state_name: alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
bank_name: chase citi citibank wells_fargo capital_one pnc usaa td_bank bank_of_america hsbc barclays santander ally schwab
store_name: walmart costco amazon ebay kroger safeway walgreens cvs ikea best_buy home_depot lowes macys
airline_name: delta united southwest jetblue lufthansa emirates ryanair easyjet american_airlines british_airways air_france
hotel_chain: hilton marriott hyatt sheraton westin holiday_inn best_western motel_6 ritz
car_make: toyota honda ford chevy chevrolet nissan bmw audi mercedes tesla subaru hyundai kia volkswagen jeep mazda lexus dodge
music_service: spotify pandora itunes youtube soundcloud
`;

/** Concepts that are slot values: a text word of only these, unknown to a topic, weighs little. */
export const SLOT_CONCEPTS = `country_name city_name state_name bank_name store_name airline_name hotel_chain car_make
music_service number_word time_of_day weekday month_name date place duration language_name`;

/**
 * Words with a frequent everyday sense beside the sense a topic may use them in ("chicken stock",
 * "a birthday party", "treat my friends"): alone they are weak evidence for a topic.
 */
export const AMBIGUOUS_WORDS = `stock stocks bond bonds share shares party parties treat bet date play book charge check fair
interest return cell match court trip spring fall ring plan order record note bill policy drive light fan rate point pound
change current deposit saving mint coin gold market trade trading position hold sick headache fever shot pill dose cure
vote race campaign office state rally`;

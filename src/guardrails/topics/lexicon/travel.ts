/** Travel, vehicles and commuting, places and directions, weather. */
export const TRAVEL_LINES = `
travel: travel travelling traveling traveler travelers trip trips journey tour tourist tourists tourism vacation visit visiting getaway
visa: visa visas passport passports entry immigration permit
document: document documents documentation paperwork papers id identification
flight: flight flights fly flying airline airlines plane airfare nonstop layover
airport: airport terminal gate
hotel: hotel hotels motel hostel lodging accommodation accommodations inn resort suite room rooms place_to_stay
luggage: luggage baggage bag bags suitcase suitcases carry_on
rental: rent rental rented hire
international: international foreign overseas abroad worldwide global
country: country countries nation abroad
city: city cities town downtown
safety: safe safety dangerous danger risky risk warning warnings advisory advisories alert alerts unsafe
vaccine: vaccine vaccines vaccination vaccinations shot shots immunization
timezone: timezone time_zone time_difference
exchange: exchange exchange_rate convert conversion
plug: plug plugs outlet outlets adapter voltage socket
direction: direction directions route routes navigate navigation map way how_to_get get_to take_me_to way_to fastest_way
place: mall stadium zoo library hospital park beach station museum airport downtown store shop school office church theater theatre gym pharmacy supermarket restaurant hotel bank post_office city_hall university campus
distance: distance far miles mile kilometers km how_far
location: location located where_am_i current_location address
traffic: traffic congestion congested jam jammed gridlock backed_up backup rush_hour delay delays slow accident accidents construction
road: road roads highway freeway interstate street bridge commute drive driving
ride: uber lyft taxi cab ride rideshare
vehicle: car cars vehicle vehicles auto automobile truck suv van motorcycle
engine: engine motor
oil: oil lube lubricant synthetic
fuel: gas gasoline fuel petrol diesel tank
fuel_type: unleaded premium regular octane diesel
tire: tire tires tyre tyres wheel wheels flat spare
pressure: pressure psi inflate inflated underinflated air
maintenance: maintenance service servicing serviced repair repairs mechanic inspection tune_up checkup shop garage dealership
battery: battery jump jump_start dead_battery
mileage: mpg mileage fuel_economy miles_per_gallon
weather: weather forecast forecasts climate conditions atmospheric meteorological
precipitation: rain raining rainy snow snowing snowy storm stormy hail drizzle thunderstorm
temperature: temperature temperatures degrees hot cold warm chilly freezing heat humid humidity
wind: wind windy breeze gust
sky: sunny sun cloudy clouds overcast fog foggy
umbrella: umbrella raincoat jacket coat
^weather: weather precipitation temperature wind sky umbrella
^travel_papers: visa document
^destination: country city place country_name city_name state_name
`;

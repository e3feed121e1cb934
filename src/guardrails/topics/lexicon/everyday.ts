/** Food and cooking, home and devices, music and media, shopping, lists, time and calendar. */
export const EVERYDAY_LINES = `
restaurant: restaurant restaurants diner cafe bistro steakhouse eatery pizzeria buffet place_to_eat spot spots joint
meal: meal meals dinner lunch breakfast brunch supper food dish dishes snack
eat: eat eating dine dining ate
table: table tables seat seats party_of
reserve: reserve reservation reservations booking booked book
cook: cook cooking cooked bake baking roast fry grill boil simmer prepare preparing
recipe: recipe recipes how_to_make
ingredient: ingredient ingredients
substitute: substitute substitution instead replacement replace alternative in_place_of swap
calorie: calorie calories kcal fattening
nutrition: nutrition nutritional nutrient nutrients protein carbs carbohydrates fat sugar sodium fiber vitamin vitamins cholesterol
cook_time: how_long_to_cook cooking_time bake_time minutes
food_storage: expire spoil spoiled fridge freezer refrigerator leftovers stale go_bad shelf_life stay_fresh rotten
review: review reviews rating ratings rated stars yelp
busy: busy crowded packed wait wait_time line
grocery: grocery groceries supermarket
shopping_list: shopping_list grocery_list
todo: todo todo_list to_do_list task tasks chore chores
list: list lists checklist
home: home house apartment room kitchen bedroom garage
light: light lights lamp lamps bulb bulbs dim brighten
thermostat: thermostat heat heating ac air_conditioning cooling temperature degrees warmer cooler
lock: lock unlock locked door doors
device: device devices phone smartphone tablet computer laptop speaker tv television
sync: sync pair pairing connect connected bluetooth link
music: music song songs tune tunes track tracks album albums playlist playlists single melody jams beats hits
music_genre: rock pop jazz blues rap hiphop hip_hop country metal classical reggae folk punk soul disco techno oldies indie edm
musician: artist artists band bands singer singers musician rapper composer sings sang
radio: radio podcast podcasts stream streaming spotify pandora
movie: movie movies film films cinema show shows series episode netflix
game: game games gaming videogame
trivia: trivia fact facts
story: story stories tale tales
reading: novel novels author reading
sport: sport sports football soccer basketball baseball hockey tennis golf match team score league
damage: damage damaged broken break cracked crack scratched scratch snapped bent ruined torn worn melted chewed not_work not_read not_scan defective
order_delivery: delivery deliver delivered shipping shipped shipment package parcel arrive arrival tracking
price: price prices cost costs expensive cheap afford
time: time clock oclock
duration: second seconds minute minutes hour hours
date: date day today tomorrow yesterday week weekend month year tonight
weekday: monday tuesday wednesday thursday friday saturday sunday weekday weekdays
month_name: january february march april may june july august september october november december
calendar: calendar schedule agenda event events appointment appointments plans
meeting: meeting meetings meet sync conference call_with one_on_one
reminder: reminder remind reminders remember not_forget not_let_forget
alarm: alarm alarms wake wake_up get_up
timer: timer timers countdown count_down stopwatch
holiday: holiday holidays christmas thanksgiving easter new_year independence_day labor_day memorial_day
unit: unit units cup cups ounce ounces pound pounds gram grams kilogram kilograms inch inches foot feet meter meters mile miles kilometer kilometers liter liters gallon gallons celsius fahrenheit tablespoon teaspoon quart pint yard yards
share: share sharing
`;

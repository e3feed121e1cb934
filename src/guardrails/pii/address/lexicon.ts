/** Street, unit and postal vocabulary for the ADDRESS grammar (lower case). */

/** Street types written after the street name: "Lovers Lane", "Bay St", "Rue … " excluded. */
export const STREET_SUFFIXES = new Set(
  (
    'street st str strasse straße road rd avenue ave av drive dr lane ln court ct place pl boulevard blvd way ' +
    'terrace ter close crescent cres square sq parkway pkwy highway hwy trail trl circle cir row mews walk gardens ' +
    'grove rise green greens park plaza alley passage pass path quay wharf embankment esplanade parade point ridge ' +
    'bridge crossing junction loop mall meadow meadows mill mills mount orchard oval pike port rapids shoal shores ' +
    'skyway spring springs spur summit union valley vista wells extension extensions flat flats forge forges island ' +
    'islands harbor harbour haven heights hollow key knoll lake lakes landing light lights lodge manor motorway ' +
    'branch brook brooks burg bypass camp canyon cape causeway center centre cliff cliffs club common commons corner ' +
    'corners course courts cove coves creek crest curve dale dam divide drives estate estates expressway fall falls ' +
    'ferry field fields ford fords forest fork forks fort freeway garden gateway glen glens groves harbors hill hills ' +
    'inlet isle junctions keys knolls land loaf lock locks manors mission mountain mountains neck overpass parks ' +
    'parkways pine pines plain plains points ports prairie radial ramp ranch rapid rest ridges river roads route ' +
    'shoals shore squares station stravenue stream streets summits throughway trace track trafficway tunnel ' +
    'turnpike underpass unions valleys viaduct view views village villages ville walks wall ways well ' +
    'u utca út útja tér körút krt rkp sor köz gate gata gatan vej gade veien vegen vägen väg allé alle weg laan ' +
    'straat plein gracht kade dijk katu tie kuja tee põik maantee ulice náměstí třída cesta ulica gasse platz ' +
    'allee ring damm ufer markt vegur braut stræti straeti stræde terrasse vei veg'
  ).split(' '),
);

/** Street types written before the name: "Rue de Provence", "Via Tasso", "ul. Cicha". */
export const STREET_PREFIXES = new Set(
  (
    'rue via viale piazza piazzale corso largo vicolo calle avenida avda av rua travessa praça praca estrada rambla ' +
    'ul ulica aleja al plac avenue boulevard bd bld chemin allée place impasse route quai strada carrer paseo plaza ' +
    'camino carretera r rr boulevard cours square'
  ).split(' '),
);

/** Compound street names end in a street word: "Vesterskovvej", "Populierenstraat", "Hafnarstraeti". */
export const STREET_COMPOUND_ENDINGS = [
  'straat', 'straße', 'strasse', 'str', 'weg', 'laan', 'plein', 'gracht', 'kade', 'dijk', 'vej', 'gade', 'gaden',
  'gata', 'gatan', 'vägen', 'väg', 'veien', 'vegen', 'vei', 'gränd', 'stig', 'torg', 'allé', 'katu', 'tie', 'kuja',
  'polku', 'tee', 'utca', 'útja', 'körút', 'ulice', 'cesta', 'ulica', 'gasse', 'platz', 'allee', 'damm', 'ufer',
  'markt', 'vegur', 'braut', 'stræti', 'straeti', 'stræde', 'vænget', 'vangen', 'bakken', 'road', 'street',
];

export const UNIT_WORDS = new Set(
  'suite ste apt apartment unit flat floor fl room rm bldg building box postbox postfach lot dept'.split(' '),
);

/** Abbreviations that keep a full stop inside an address ("St.", "Apt.", "ul.", "u."). */
export const ADDRESS_ABBREVIATIONS = new Set(
  (
    'st str ul u apt ave rd dr av avda no nr ste bldg fl blvd ln ct sq pl hwy rkp krt mt p o c r n s e w ' +
    'box po ft pt'
  ).split(' '),
);

export const MILITARY_POST = new Set(['apo', 'fpo', 'dpo']);
export const MILITARY_REGIONS = new Set(['aa', 'ae', 'ap']);
export const SHIP_PREFIXES = new Set(['uss', 'usns', 'usnv', 'uscgc', 'usc', 'hms', 'hmcs']);

/** Lower-case words that may sit inside an address line. */
export const ADDRESS_PARTICLES = new Set(
  'de del della di da do dos das du la le les van von der den ten ter y e et i of nan'.split(' '),
);

const COMPOUND_ENDINGS = new Set(STREET_COMPOUND_ENDINGS);
const ENDING_LENGTHS = [...new Set(STREET_COMPOUND_ENDINGS.map((e) => e.length))].sort((a, b) => a - b);

/** Lower-case word ending in a street word after at least three letters ("vesterskovvej"). */
export function isStreetCompound(lower: string): boolean {
  if (lower.length < 6 || lower.length > 40) return false;
  for (const n of ENDING_LENGTHS) {
    if (lower.length >= n + 3 && COMPOUND_ENDINGS.has(lower.slice(-n))) return true;
  }
  return false;
}

/** Every lower-case word that can belong to an address line. */
export const ADDRESS_WORDS: ReadonlySet<string> = new Set([
  ...STREET_SUFFIXES,
  ...STREET_PREFIXES,
  ...UNIT_WORDS,
  ...ADDRESS_PARTICLES,
  ...MILITARY_POST,
  ...MILITARY_REGIONS,
]);

/**
 * Ordinary English for scanning-rate measurements, written for this benchmark: everyday
 * requests and answers with no personal data, profanity or denied topic, shuffled into
 * paragraphs with a fixed seed so every run scans the same text.
 */

const SENTENCES: readonly string[] = [
  'Could you help me plan a three day trip to the mountains in early autumn?',
  'The train leaves the central station at half past eight and arrives just before noon.',
  'We would like to visit a few small villages, walk by the lake and try the local cheese.',
  'Please summarise the meeting notes below in five short bullet points.',
  'The team agreed to move the release to the second week of the month.',
  'Most of the remaining work is documentation and a final round of testing.',
  'I am learning to bake bread at home and my loaves keep coming out flat.',
  'Try a longer first rise in a warm place and shape the dough a little more tightly.',
  'A stronger flour with more protein also helps the loaf hold its shape in the oven.',
  'Write a friendly reply thanking the customer for their patience with the delivery.',
  'The parcel was delayed by the storm but it should arrive by Thursday afternoon.',
  'Explain the difference between a list and a tuple in simple terms.',
  'A list can change after you create it, while a tuple stays the same once it is made.',
  'Use a list when you expect to add or remove items, and a tuple for a fixed group of values.',
  'What are some good houseplants for a room that gets very little sunlight?',
  'Snake plants, pothos and peace lilies all cope well with shade and irregular watering.',
  'Water them only when the top few centimetres of soil feel dry to the touch.',
  'Can you suggest a simple dinner that takes less than thirty minutes to cook?',
  'A vegetable stir fry with rice is quick, cheap and easy to adapt to what is in the fridge.',
  'Start the rice first, then cut the vegetables while it simmers.',
  'Our library opens at nine on weekdays and at ten on Saturdays.',
  'Children can join the reading club on Wednesday afternoons during term time.',
  'Translate the following paragraph into plain language for a general audience.',
  'The new bus route connects the old town with the hospital and the university campus.',
  'Tickets can be bought on the bus, at the kiosk, or through the city transport app.',
  'I need a short introduction for a presentation about recycling at the office.',
  'Every small habit counts, from sorting paper to switching off screens at night.',
  'Please check this paragraph for grammar and make it sound a little more formal.',
  'The weather is expected to stay dry until the weekend, with showers on Sunday evening.',
  'Remember to bring a warm jacket, comfortable shoes and a refillable water bottle.',
  'How do I keep my bicycle chain from rusting during the winter months?',
  'Clean it after wet rides, dry it with a cloth and apply a light coat of chain oil.',
  'Store the bicycle indoors if you can, away from salt and standing water.',
  'Give me three ideas for a birthday party for a seven year old who loves dinosaurs.',
  'A fossil dig in the sandpit, a dinosaur cake and a simple treasure hunt would all work.',
  'The museum has a quiet hour on the first Monday of each month for visitors who prefer less noise.',
  'Draft an agenda for a one hour planning session with four short topics.',
  'Begin with a review of last quarter, then discuss priorities, staffing and next steps.',
  'The garden needs weeding, the hedge needs trimming and the shed door still sticks.',
  'Thank you for the clear explanation, it made the whole process much easier to follow.',
];

/** Deterministic pseudo-random numbers (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` paragraphs of about `chars` characters each. */
export function englishParagraphs(count: number, chars: number, seed = 7): string[] {
  const random = seeded(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let p = '';
    while (p.length < chars) p += (p ? ' ' : '') + SENTENCES[Math.floor(random() * SENTENCES.length)];
    out.push(p);
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { compileTopicsDetector } from '../../src/guardrails/topics.js';
import type { TopicDefinition } from '../../src/guardrails/types.js';

const investmentAdvice: TopicDefinition = {
  name: 'investment_advice',
  definition: 'Recommendations about buying, selling or holding stocks, bonds, crypto or other assets.',
  examples: [
    'should i buy tesla stock',
    'which coin will go up next week',
    'is it a good time to sell my index funds',
    'what stocks should i invest in this year',
    'would you put money into gold or bonds right now',
  ],
};

const medicalAdvice: TopicDefinition = {
  name: 'medical_advice',
  definition: 'Asking for a diagnosis of symptoms or for treatment of an illness, injury or medical condition.',
  examples: [
    'what medicine should i take for a migraine',
    'is this rash on my arm something serious',
    'how do i treat a sprained ankle',
    'what could cause chest pain when i breathe',
    'how much ibuprofen can i take for a fever',
  ],
};

const cardFraud: TopicDefinition = {
  name: 'report_fraud',
  definition: 'Reporting unauthorized or fraudulent charges on a bank account or card.',
  examples: [
    'there is a fraudulent charge on my visa',
    'i want to report an unauthorized transaction',
    'someone is using my card without permission',
    'my debit card has a purchase i did not authorize',
    'how do i dispute a scam payment on my account',
  ],
};

const tableBooking: TopicDefinition = {
  name: 'restaurant_reservation',
  definition: 'Booking or making a table reservation at a restaurant.',
  examples: [
    'book a table for four at the italian place tonight',
    'i need a dinner reservation for two on friday',
    'reserve a table at the steakhouse for 7 pm',
    'can you get me a table for six tomorrow night',
    'make a reservation at the sushi bar for three',
  ],
};

const reminders: TopicDefinition = {
  name: 'set_reminder',
  definition: 'Setting a reminder for something to do later.',
  examples: ['remind me to call mom at five', 'set a reminder for my dentist appointment', 'create a reminder to take out the trash', 'i need a reminder about the meeting tomorrow', 'remind me to water the plants tonight'],
};

const paidLeave: TopicDefinition = {
  name: 'pto_request',
  definition: 'Requesting paid time off or vacation days from work.',
  examples: ['i want to request time off next week', 'can i take friday off', 'submit a vacation request for june', 'book me two days off work', 'ask my manager for some paid leave'],
};

const detectInvestment = compileTopicsDetector([investmentAdvice]);
const flags = (text: string): boolean => detectInvestment(text).length > 0;

describe('denied topics: paraphrases', () => {
  it('flags a request that shares no phrase with the examples', () => {
    expect(flags('Is bitcoin worth investing in at the moment?')).toBe(true);
  });

  it('flags a request phrased with synonyms of the topic words', () => {
    expect(flags('Recommend a few dividend shares for my portfolio.')).toBe(true);
  });

  it('flags a misspelt request', () => {
    expect(flags('should i buy tesla stcok')).toBe(true);
  });
});

describe('denied topics: indirect and negated phrasings', () => {
  const detectFraud = compileTopicsDetector([cardFraud]);

  it('flags a charge the speaker says they did not make', () => {
    expect(detectFraud("there's a charge on my account that i didn't make")).toHaveLength(1);
  });

  it('flags a purchase the speaker does not recognize', () => {
    expect(detectFraud("I don't recognize this purchase on my statement")).toHaveLength(1);
  });

  it('flags someone else using the account', () => {
    expect(detectFraud('someone else used my account to buy things online')).toHaveLength(1);
  });

  it('passes a request to list recent charges', () => {
    expect(detectFraud('show me the recent charges on my card')).toEqual([]);
  });

  it('flags a phrasal verb whose particle stands apart ("time off" as leave)', () => {
    expect(compileTopicsDetector([paidLeave])('could i get some time off around the holidays')).toHaveLength(1);
  });

  it('passes a question about the time of day for a leave topic', () => {
    expect(compileTopicsDetector([paidLeave])('what time is it right now')).toEqual([]);
  });
});

describe('denied topics: what the request does', () => {
  const detectBooking = compileTopicsDetector([tableBooking]);

  it('flags a booking phrased without the examples words', () => {
    expect(detectBooking('get us a table for 2 at the thai restaurant at eight')).toHaveLength(1);
  });

  it('passes cancelling a reservation', () => {
    expect(detectBooking('please cancel my dinner reservation for tonight')).toEqual([]);
  });

  it('passes confirming a reservation', () => {
    expect(detectBooking('i want to confirm my dinner reservation for friday')).toEqual([]);
  });

  it('judges a request by its head verb, not the verbs of its content', () => {
    expect(compileTopicsDetector([reminders])('remind me to buy milk and cancel the gym membership')).toHaveLength(1);
  });

  it('passes a request for how much leave is left', () => {
    expect(compileTopicsDetector([paidLeave])('how many vacation days do i have left')).toEqual([]);
  });
});

describe('denied topics: near misses in the same domain', () => {
  it('passes a balance question', () => {
    expect(flags('what is my account balance')).toBe(false);
  });

  it('passes a question about opening a brokerage account', () => {
    expect(flags('How do I open a brokerage account?')).toBe(false);
  });

  it('passes a question about market opening hours', () => {
    expect(flags('what time does the stock exchange open on monday')).toBe(false);
  });
});

describe('denied topics: a topic word in another sense', () => {
  it('passes "bullish" about a pet', () => {
    expect(flags("I'm bullish on my dog's recovery")).toBe(false);
  });

  it('passes "stock" in cooking', () => {
    expect(flags('this chicken stock tastes great in risotto')).toBe(false);
  });

  it('passes a word with an everyday sense beside one other word ("throw a party")', () => {
    const politics: TopicDefinition = {
      name: 'politics',
      definition: 'Opinions about elections, political parties, politicians or government policy.',
      examples: ['who should i vote for in the election', 'is the labour party better than the conservatives', 'what do you think of the president', 'give me your opinion on the new tax policy', 'which candidate will win the senate race'],
    };
    expect(compileTopicsDetector([politics])("let's throw a surprise party for my sister")).toEqual([]);
  });

  it('passes "treat" as an invitation for a medical topic', () => {
    expect(compileTopicsDetector([medicalAdvice])('can i treat my friends to dinner on friday')).toEqual([]);
  });
});

describe('denied topics: scores, thresholds and spans', () => {
  it('returns the topic name with a score between its threshold and 1', () => {
    const [match] = detectInvestment('should i sell my apple stock before earnings');
    expect(match?.topic).toBe('investment_advice');
    expect(match?.score).toBeGreaterThanOrEqual(0.5);
    expect(match?.score).toBeLessThanOrEqual(1);
  });

  it('matches nothing when the threshold is above every score', () => {
    const strict = compileTopicsDetector([{ ...investmentAdvice, threshold: 1.01 }]);
    expect(strict('Is bitcoin worth investing in at the moment?')).toEqual([]);
  });

  it('matches nothing at a threshold of 1, even for a copy of an example', () => {
    expect(compileTopicsDetector([{ ...investmentAdvice, threshold: 1 }])('should i buy tesla stock')).toEqual([]);
  });

  it('flags a weaker paraphrase only under a lower threshold', () => {
    const text = 'which crypto should i pick up before it rallies';
    const loose = compileTopicsDetector([{ ...investmentAdvice, threshold: 0.2 }]);
    const strict = compileTopicsDetector([{ ...investmentAdvice, threshold: 0.95 }]);
    expect(loose(text)).toHaveLength(1);
    expect(strict(text)).toEqual([]);
  });

  it('spans the sentence that is about the topic in a longer text', () => {
    const first = 'Thanks for the help with my travel plans yesterday.';
    const second = 'Should I put my savings into Nvidia shares or bonds?';
    const text = `${first} ${second} Also, remind me to call Sam.`;
    const [match] = detectInvestment(text);
    expect(match).toBeDefined();
    expect(text.slice(match!.start, match!.end)).toContain(second);
    expect(match!.start).toBeGreaterThanOrEqual(first.length);
  });

  it('judges a request split over two sentences together', () => {
    const text = 'I have a question about my visa card. It was used for a purchase I never authorized!';
    const [match] = compileTopicsDetector([cardFraud])(text);
    expect(match).toBeDefined();
  });

  it('reports only the topics that match among several', () => {
    const detect = compileTopicsDetector([investmentAdvice, medicalAdvice]);
    const topics = detect('which pills help with lower back pain').map((match) => match.topic);
    expect(topics).toEqual(['medical_advice']);
  });
});

describe('denied topics: degenerate input', () => {
  it('returns nothing for empty or blank text', () => {
    expect(detectInvestment('')).toEqual([]);
    expect(detectInvestment('   \n\t ')).toEqual([]);
  });

  it('returns nothing when no topics are configured', () => {
    expect(compileTopicsDetector([])('should i buy tesla stock')).toEqual([]);
  });

  it('returns nothing for a long unrelated text', () => {
    const text = 'The quarterly report covers revenue, hiring and the new office. '.repeat(4000);
    expect(detectInvestment(text)).toEqual([]);
  });

  it('keeps offsets right when lower-casing changes the length of the text', () => {
    const text = 'İstanbul trip was great. Should I buy Tesla stock now?';
    const [match] = detectInvestment(text);
    expect(text.slice(match!.start, match!.end)).toBe('Should I buy Tesla stock now?');
  });

  it('handles words that name object properties and non-Latin text', () => {
    expect(detectInvestment('constructor prototype __proto__ toString hasOwnProperty 株式を買うべきですか 🚀')).toEqual([]);
  });

  it('compiles a topic that has only a definition', () => {
    const detect = compileTopicsDetector([{ name: 'weather', definition: 'Questions about the weather forecast, rain or temperature.', examples: [] }]);
    expect(detect('will it rain tomorrow in the forecast')).toHaveLength(1);
    expect(detect('how do i cook rice')).toEqual([]);
  });
});

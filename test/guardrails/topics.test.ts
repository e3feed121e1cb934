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

  it('handles words that name object properties and non-Latin text', () => {
    expect(detectInvestment('constructor prototype __proto__ toString hasOwnProperty 株式を買うべきですか 🚀')).toEqual([]);
  });

  it('compiles a topic that has only a definition', () => {
    const detect = compileTopicsDetector([{ name: 'weather', definition: 'Questions about the weather forecast, rain or temperature.', examples: [] }]);
    expect(detect('will it rain tomorrow in the forecast')).toHaveLength(1);
    expect(detect('how do i cook rice')).toEqual([]);
  });
});

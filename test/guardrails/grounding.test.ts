import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GROUNDING_THRESHOLD,
  DEFAULT_RELEVANCE_THRESHOLD,
  scoreGrounding,
} from '../../src/guardrails/grounding.js';

const BRIDGE = 'The Larkspur Bridge opened to traffic in 1931. It spans the Tolvern River and is 412 metres long.';
const NOVEL = 'The novel Grey Harbour was written by Colette Aubry and published by Linden Press in 1994.';
const SCULPTOR = 'Edda Lund is a Norwegian sculptor. She was born in Bergen in 1962 and studied in Oslo.';
const TWO_PEOPLE =
  'Pieter Claes was a Dutch engraver known for maps of the coast. Anna Rydell was a Swedish botanist who catalogued alpine flowers.';

function grounding(answer: string, sources: string[], query?: string): number {
  return scoreGrounding({ answer, sources, query }).grounding;
}

function relevance(answer: string, sources: string[], query?: string): number {
  return scoreGrounding({ answer, sources, query }).relevance;
}

describe('scoreGrounding: grounding', () => {
  it('gives a verbatim span of the source full support', () => {
    expect(grounding('412 metres long', [BRIDGE])).toBe(1);
  });

  it('keeps a supported paraphrase above the threshold', () => {
    const sources = ['Construction of the Halden Observatory was completed in 1887 after nine years of work.'];
    expect(grounding('The Halden Observatory was finished in 1887.', sources)).toBeGreaterThanOrEqual(
      DEFAULT_GROUNDING_THRESHOLD,
    );
  });

  it('keeps a claim that follows a pronoun back to its subject above the threshold', () => {
    expect(grounding('Edda Lund was born in Bergen.', [SCULPTOR])).toBeGreaterThanOrEqual(DEFAULT_GROUNDING_THRESHOLD);
  });

  it('keeps a multi-sentence summary of the source above the threshold', () => {
    const sources = [
      'Quillon Labs was founded in 2011 by Hana Mori in Rotterdam. The company makes battery chips for electric bicycles. In 2019 it opened a second office in Lyon.',
    ];
    const answer =
      'Quillon Labs was founded by Hana Mori in Rotterdam in 2011. It makes battery chips for electric bicycles and opened a second office in Lyon in 2019.';
    expect(grounding(answer, sources)).toBeGreaterThanOrEqual(DEFAULT_GROUNDING_THRESHOLD);
  });

  it('matches numbers by value across formats', () => {
    const sources = ['The stadium holds 52,300 spectators.'];
    expect(grounding('It holds 52300 spectators.', sources)).toBe(1);
  });

  it('fails a wrong year', () => {
    expect(grounding('The Larkspur Bridge opened to traffic in 1936.', [BRIDGE])).toBeLessThan(
      DEFAULT_GROUNDING_THRESHOLD,
    );
  });

  it('fails a wrong count written as a word', () => {
    const sources = ['The orchestra toured four countries in its first season.'];
    expect(grounding('The orchestra toured seven countries in its first season.', sources)).toBeLessThan(
      DEFAULT_GROUNDING_THRESHOLD,
    );
  });

  it('fails a wrong author name', () => {
    expect(grounding('Grey Harbour was written by Martin Keane.', [NOVEL])).toBeLessThan(DEFAULT_GROUNDING_THRESHOLD);
  });

  it('fails a bare wrong name', () => {
    expect(grounding('Martin Keane', [NOVEL])).toBeLessThan(DEFAULT_GROUNDING_THRESHOLD);
  });

  it('lowers the score for an extra unsupported claim', () => {
    const sources = ['The Vessel Museum in Tarrow houses a collection of ceramics from the Song dynasty.'];
    const plain = grounding('The Vessel Museum houses Song dynasty ceramics.', sources);
    const embellished = grounding(
      'The Vessel Museum houses Song dynasty ceramics, which were stolen in a famous robbery and later recovered.',
      sources,
    );
    expect(plain).toBeGreaterThanOrEqual(DEFAULT_GROUNDING_THRESHOLD);
    expect(embellished).toBeLessThan(DEFAULT_GROUNDING_THRESHOLD);
  });

  it('fails an attribute taken from a sentence about someone else', () => {
    expect(grounding('Pieter Claes was a Swedish botanist.', [TWO_PEOPLE])).toBeLessThan(DEFAULT_GROUNDING_THRESHOLD);
  });

  it('fails a name stitched together from two different names', () => {
    const sources = ['The Harlow Arts Centre is in Brampton. The city also has a Science Museum near the station.'];
    expect(grounding('The Harlow Science Museum.', sources)).toBeLessThan(DEFAULT_GROUNDING_THRESHOLD);
  });

  it('fails an added negation', () => {
    const sources = ['The treaty was signed in Vienna by all five delegations.'];
    expect(grounding('The treaty was never signed by the delegations.', sources)).toBeLessThan(
      DEFAULT_GROUNDING_THRESHOLD,
    );
  });

  it('fails an unsupported comparison', () => {
    const sources = ['The Kestrel 4 drone has a flight time of 38 minutes.'];
    expect(grounding('The Kestrel 4 has the longest flight time of any drone.', sources)).toBeLessThan(
      DEFAULT_GROUNDING_THRESHOLD,
    );
  });

  it('gives a bare yes or no nothing to contradict', () => {
    expect(grounding('No', [NOVEL])).toBe(1);
  });

  it('gives zero support when there are no sources', () => {
    expect(grounding('Lima is the capital of Peru.', [])).toBe(0);
  });
});

describe('scoreGrounding: relevance', () => {
  it('is 1 without a query', () => {
    expect(relevance('Bananas are rich in potassium.', [BRIDGE])).toBe(1);
  });

  it('is high for an answer that takes up the question', () => {
    expect(relevance('The Larkspur Bridge opened in 1931.', [BRIDGE], 'When did the Larkspur Bridge open?')).toBeGreaterThanOrEqual(
      DEFAULT_RELEVANCE_THRESHOLD,
    );
  });

  it('is high for a terse answer found next to the question in the sources', () => {
    expect(relevance('Linden Press', [NOVEL], 'Which publisher released Grey Harbour?')).toBeGreaterThanOrEqual(
      DEFAULT_RELEVANCE_THRESHOLD,
    );
  });

  it('is high for a bare verdict to a yes/no question', () => {
    expect(relevance('Yes', [NOVEL], 'Was Grey Harbour published in 1994?')).toBe(1);
  });

  it('is low for an unrelated answer', () => {
    expect(relevance('Bananas are an excellent source of potassium.', [BRIDGE], 'When did the Larkspur Bridge open?')).toBeLessThan(
      DEFAULT_RELEVANCE_THRESHOLD,
    );
  });

  it('is low for a deflection', () => {
    const sources = ['The treaty was signed in Vienna by all five delegations.'];
    expect(relevance('I would rather talk about football results from last weekend.', sources, 'Where was the treaty signed?')).toBeLessThan(
      DEFAULT_RELEVANCE_THRESHOLD,
    );
  });

  it('is low for a grounded answer about an unrelated part of the sources', () => {
    const sources = ['The Larkspur Bridge opened to traffic in 1931. Nearby, the Tolvern Bakery sells rye bread every morning.'];
    const scores = scoreGrounding({
      answer: 'The Tolvern Bakery sells rye bread.',
      sources,
      query: 'When did the Larkspur Bridge open?',
    });
    expect(scores.grounding).toBeGreaterThanOrEqual(DEFAULT_GROUNDING_THRESHOLD);
    expect(scores.relevance).toBeLessThan(DEFAULT_RELEVANCE_THRESHOLD);
  });

  it('is low for an answer that only restates the question', () => {
    expect(relevance('The novel Grey Harbour was published.', [NOVEL], 'Who published the novel Grey Harbour?')).toBeLessThan(
      DEFAULT_RELEVANCE_THRESHOLD,
    );
  });

  it('accepts one of the options of a choice question', () => {
    const sources = ['Ilse Brandt was born in 1921. Georg Feld was born in 1934.'];
    expect(relevance('Ilse Brandt', sources, 'Who was born first, Ilse Brandt or Georg Feld?')).toBeGreaterThanOrEqual(
      DEFAULT_RELEVANCE_THRESHOLD,
    );
  });
});

describe('scoreGrounding: edge cases', () => {
  it('scores an empty answer as claiming nothing', () => {
    expect(scoreGrounding({ answer: '', sources: [BRIDGE], query: 'When?' })).toEqual({ grounding: 1, relevance: 1 });
  });

  it('does not throw on empty sources, empty strings and a missing query', () => {
    const scores = scoreGrounding({ answer: 'Something happened in 1990.', sources: ['', '   '], query: '' });
    expect(scores.grounding).toBe(0);
    expect(scores.relevance).toBe(1);
  });

  it('does not throw on non-string sources from untyped callers', () => {
    const sources = [null, 42, BRIDGE] as unknown as string[];
    expect(scoreGrounding({ answer: 'It opened in 1931.', sources }).grounding).toBe(1);
  });

  it('keeps scores within 0..1 for punctuation-only and very long input', () => {
    const long = 'Alder Brook 1899 river '.repeat(12_000);
    for (const answer of ['?!…', long]) {
      const scores = scoreGrounding({ answer, sources: [long], query: 'Which river?' });
      expect(scores.grounding).toBeGreaterThanOrEqual(0);
      expect(scores.grounding).toBeLessThanOrEqual(1);
      expect(scores.relevance).toBeGreaterThanOrEqual(0);
      expect(scores.relevance).toBeLessThanOrEqual(1);
    }
  });

  it('matches names with and without diacritics', () => {
    const sources = ['José Müller-Ibáñez founded the Café Señorita in Córdoba in 1977.'];
    expect(grounding('Jose Muller-Ibanez founded it in Cordoba.', sources)).toBe(1);
  });

  it('supports and rejects figures in Japanese text', () => {
    const sources = ['東京タワーは1958年に完成した。高さは333メートルである。'];
    expect(grounding('333メートル', sources)).toBe(1);
    expect(grounding('634メートル', sources)).toBeLessThan(DEFAULT_GROUNDING_THRESHOLD);
  });

  it('rejects a wrong year in German text', () => {
    const sources = ['Die Brücke über die Mürz wurde 1902 eröffnet und ist 86 Meter lang.'];
    expect(grounding('Die Brücke wurde 1902 eröffnet.', sources)).toBe(1);
    expect(grounding('Die Brücke wurde 1911 eröffnet.', sources)).toBeLessThan(DEFAULT_GROUNDING_THRESHOLD);
  });

  it('exports the thresholds the scores are calibrated for', () => {
    expect(DEFAULT_GROUNDING_THRESHOLD).toBe(0.7);
    expect(DEFAULT_RELEVANCE_THRESHOLD).toBe(0.5);
  });
});

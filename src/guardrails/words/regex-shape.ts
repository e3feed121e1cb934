/**
 * A small parser for JavaScript regular expressions that measures what the safety check and the
 * streaming hold-back need: the shortest match, how many word gaps a match can span, where the
 * unbounded repeats are, and two backtracking shapes safe-regex2 does not look for (alternatives
 * that overlap under a repeat, adjacent repeats over overlapping characters).
 *
 * Character sets are approximated by probing each atom against a fixed alphabet, which is exact
 * for the ASCII range and good enough for overlap questions elsewhere.
 */

export interface RepeatSite {
  /** offsets of the quantifier text (e.g. `+?`) in the pattern */
  start: number;
  end: number;
  min: number;
  /** undefined = unbounded */
  max: number | undefined;
}

export interface RegexShape {
  minLength: number;
  /** whitespace runs a match can span (Infinity when unbounded) */
  maxWordGaps: number;
  repeats: RepeatSite[];
  /** a variable repeat inside another (star height above one), lazy or not */
  nestedRepeat: boolean;
  /** a reason when a shape known to backtrack badly was found */
  hazard: string | undefined;
}

interface Info {
  min: number;
  gaps: number;
  /** probe alphabet indices the node can start with */
  first: Set<number>;
  /** the node is a plain literal string (for prefix-ambiguity checks) */
  literal: string | undefined;
  /** set on an alternation: its options */
  options?: Info[];
  /** set on a quantified node that can repeat */
  repeated?: boolean;
  /** the node contains a variable repeat (for nesting) */
  hasRepeat?: boolean;
  /** a zero-width assertion, which can still fail */
  assertion?: boolean;
}

const PROBES = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\t', '\n', 'é', 'ß', 'Ж', '中', '😀', '\u00a0'];
const WHITESPACE_PROBES = new Set(PROBES.flatMap((probe, index) => (/\s/.test(probe) ? [index] : [])));

export function analyzeRegex(pattern: string, unicode: boolean): RegexShape {
  const parser = new Parser(pattern, unicode);
  const info = parser.disjunction();
  if (parser.pos < pattern.length) throw new Error(`unexpected ')' at ${parser.pos}`);
  return {
    minLength: info.min,
    maxWordGaps: info.gaps,
    repeats: parser.repeats,
    nestedRepeat: parser.nested,
    hazard: parser.hazard,
  };
}

class Parser {
  pos = 0;
  depth = 0;
  repeats: RepeatSite[] = [];
  nested = false;
  hazard: string | undefined;

  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  disjunction(): Info {
    const options = [this.alternative()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      options.push(this.alternative());
    }
    const [only] = options;
    if (only && options.length === 1) return only;
    return {
      min: Math.min(...options.map((o) => o.min)),
      gaps: Math.max(...options.map((o) => o.gaps)),
      first: union(options.map((o) => o.first)),
      literal: undefined,
      options,
      hasRepeat: options.some((o) => o.hasRepeat),
    };
  }

  private alternative(): Info {
    const items: Info[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      items.push(this.term());
    }
    this.checkAdjacent(items);
    let min = 0;
    let gaps = 0;
    let literal: string | undefined = '';
    const first = new Set<number>();
    let open = true;
    let hasRepeat = false;
    for (const item of items) {
      hasRepeat ||= item.hasRepeat === true;
      min += item.min;
      gaps += item.gaps;
      literal = literal !== undefined && item.literal !== undefined ? literal + item.literal : undefined;
      if (open) for (const probe of item.first) first.add(probe);
      if (item.min > 0) open = false;
    }
    return { min, gaps, first, literal, hasRepeat };
  }

  private term(): Info {
    const start = this.pos;
    const char = this.src[this.pos] ?? '';
    if (char === '^' || char === '$') {
      this.pos++;
      return { ...zeroWidth(), assertion: true };
    }
    if (char === '\\' && /[bB]/.test(this.src[this.pos + 1] ?? '')) {
      this.pos += 2;
      return { ...zeroWidth(), assertion: true };
    }
    if (this.src.startsWith('(?=', start) || this.src.startsWith('(?!', start)) return this.lookaround(3);
    if (this.src.startsWith('(?<=', start) || this.src.startsWith('(?<!', start)) return this.lookaround(4);
    const atom = this.atom();
    return this.quantified(atom);
  }

  private lookaround(prefix: number): Info {
    this.pos += prefix;
    this.depth++;
    this.disjunction();
    this.depth--;
    this.expect(')');
    return this.quantified({ ...zeroWidth(), assertion: true });
  }

  private atom(): Info {
    const start = this.pos;
    const char = this.src[this.pos] ?? '';
    if (char === '(') {
      this.pos++;
      if (this.src.startsWith('?:', this.pos)) this.pos += 2;
      else if (this.src.startsWith('?<', this.pos)) this.pos = this.src.indexOf('>', this.pos) + 1;
      this.depth++;
      const body = this.disjunction();
      this.depth--;
      this.expect(')');
      return body;
    }
    if (char === '[') {
      this.skipClass();
    } else if (char === '\\') {
      this.skipEscape();
    } else {
      const codePoint = this.src.codePointAt(this.pos) ?? 0;
      this.pos += codePoint > 0xffff ? 2 : 1;
    }
    const source = this.src.slice(start, this.pos);
    if (/^\\[1-9]|^\\k</.test(source)) return { min: 0, gaps: Infinity, first: allProbes(), literal: undefined };
    const first = probeSet(source, this.unicode);
    const isPlain = char !== '[' && char !== '\\' && char !== '.';
    const canSpace = [...first].some((p) => WHITESPACE_PROBES.has(p));
    return { min: 1, gaps: canSpace ? 1 : 0, first, literal: isPlain ? source.toLowerCase() : undefined };
  }

  private quantified(atom: Info): Info {
    const start = this.pos;
    const quantifier = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.src.slice(this.pos));
    if (!quantifier) return atom;
    this.pos += quantifier[0].length;
    const symbol = quantifier[0][0];
    let min = 1;
    let max: number | undefined = 1;
    if (symbol === '*') [min, max] = [0, undefined];
    else if (symbol === '+') [min, max] = [1, undefined];
    else if (symbol === '?') [min, max] = [0, 1];
    else {
      min = Number(quantifier[1]);
      max = quantifier[2] ? (quantifier[3] ? Number(quantifier[3]) : undefined) : min;
    }
    this.repeats.push({ start, end: this.pos, min, max });
    const variable = max === undefined || max > min;
    if ((max === undefined || max > 1) && atom.hasRepeat) this.nested = true;
    if ((max === undefined || max > 1) && atom.options) this.checkAlternatives(atom.options);
    const onlySpace = atom.first.size > 0 && [...atom.first].every((p) => WHITESPACE_PROBES.has(p));
    // A run of whitespace is one gap however long it is; anything else multiplies.
    const gaps = atom.gaps === 0 || onlySpace ? atom.gaps : max === undefined ? Infinity : atom.gaps * max;
    return {
      min: atom.min * min,
      gaps,
      first: atom.first,
      literal: undefined,
      repeated: max !== 1,
      hasRepeat: atom.hasRepeat === true || variable,
      assertion: atom.assertion,
    };
  }

  /** Under a repeat, two alternatives that can match the same text make the count of paths explode. */
  private checkAlternatives(options: Info[]): void {
    for (let i = 0; i < options.length; i++) {
      for (let j = i + 1; j < options.length; j++) {
        const a = options[i] as Info;
        const b = options[j] as Info;
        if (a.min === 0 || b.min === 0) return this.flag('may backtrack catastrophically (empty alternative under a repeat)');
        const ambiguous =
          a.literal !== undefined && b.literal !== undefined
            ? a.literal.startsWith(b.literal) || b.literal.startsWith(a.literal)
            : intersects(a.first, b.first);
        if (ambiguous) return this.flag('may backtrack catastrophically (overlapping alternatives under a repeat)');
      }
    }
  }

  /**
   * Two repeats over overlapping characters, separated only by items the first one can also
   * match (`\w+\w+x`, `\S+@\S+\.com`, `.*a.*b`): every way of splitting the text between them is
   * a new attempt when something after them fails, which makes each attempt polynomial.
   */
  private checkAdjacent(items: Info[]): void {
    const canFailAfter = (index: number): boolean =>
      this.depth > 0 || items.slice(index + 1).some((item) => item.min > 0 || item.assertion === true);
    for (let i = 0; i < items.length; i++) {
      const left = items[i] as Info;
      if (!left.repeated) continue;
      for (let j = i + 1; j < items.length; j++) {
        const right = items[j] as Info;
        if (right.repeated && intersects(left.first, right.first) && canFailAfter(j)) {
          return this.flag(
            'may backtrack heavily (two repeats can trade the same characters; exclude the separator, e.g. [^\\s@]+@)',
          );
        }
        if (!right.repeated && right.min > 0 && !intersects(left.first, right.first)) break;
      }
    }
  }

  private flag(reason: string): void {
    this.hazard ??= reason;
  }

  private skipClass(): void {
    this.pos++;
    while (this.pos < this.src.length && this.src[this.pos] !== ']') {
      this.pos += this.src[this.pos] === '\\' ? 2 : 1;
    }
    this.expect(']');
  }

  private skipEscape(): void {
    const rest = this.src.slice(this.pos);
    const escape = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|\d+|[\s\S])/.exec(rest);
    this.pos += escape ? escape[0].length : 1;
  }

  private expect(char: string): void {
    if (this.src[this.pos] !== char) throw new Error(`expected '${char}' at ${this.pos}`);
    this.pos++;
  }
}

function zeroWidth(): Info {
  return { min: 0, gaps: 0, first: new Set(), literal: '' };
}

function allProbes(): Set<number> {
  return new Set(PROBES.map((_, index) => index));
}

function probeSet(atomSource: string, unicode: boolean): Set<number> {
  const set = new Set<number>();
  let matcher: RegExp;
  try {
    matcher = new RegExp(`^(?:${atomSource})`, unicode ? 'iu' : 'i');
  } catch {
    return allProbes();
  }
  PROBES.forEach((probe, index) => {
    if (matcher.test(probe)) set.add(index);
  });
  return set;
}

function union(sets: Set<number>[]): Set<number> {
  const all = new Set<number>();
  for (const set of sets) for (const value of set) all.add(value);
  return all;
}

function intersects(a: Set<number>, b: Set<number>): boolean {
  for (const value of a) if (b.has(value)) return true;
  return false;
}

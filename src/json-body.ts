/**
 * The JSON body parser: a nesting limit (SPEC §8: deeper than 64 levels is a 400) checked in
 * one linear pass before JSON.parse, so a hostile body cannot make the parser or later
 * recursive code blow the stack.
 */
import { invalidRequest } from './errors.js';

export const MAX_JSON_DEPTH = 64;

export function jsonDepthExceeds(text: string, max: number): boolean {
  // Depth cannot exceed the number of opening brackets, and counting them is a native search:
  // an ordinary body is cleared without walking it character by character.
  if (!hasMoreOpenings(text, max)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw invalidRequest('The request body is empty; expected a JSON object.');
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw invalidRequest(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalidRequest(
      `We could not parse the JSON body of your request (${(err as Error).message}). The OpenAI API expects a JSON payload.`,
    );
  }
}

function hasMoreOpenings(text: string, max: number): boolean {
  let count = 0;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) if (++count > max) return true;
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) if (++count > max) return true;
  return false;
}

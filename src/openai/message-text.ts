/**
 * The texts inside a chat message that guardrails read and may rewrite: string content, text
 * parts of array content, and tool-call arguments.
 */
import type { JsonObject } from '../providers/types.js';

export interface TextSlot {
  text: string;
  set(value: string): void;
}

export function messageTextSlots(message: JsonObject): TextSlot[] {
  const slots: TextSlot[] = [];
  const content = message.content;
  if (typeof content === 'string') {
    slots.push({ text: content, set: (v) => (message.content = v) });
  } else if (Array.isArray(content)) {
    for (const part of content as JsonObject[]) {
      if (part && part.type === 'text' && typeof part.text === 'string') slots.push({ text: part.text, set: (v) => (part.text = v) });
    }
  }
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls as JsonObject[]) {
      const fn = call?.function as JsonObject | undefined;
      if (fn && typeof fn.arguments === 'string') slots.push({ text: fn.arguments, set: (v) => (fn.arguments = v) });
    }
  }
  return slots;
}

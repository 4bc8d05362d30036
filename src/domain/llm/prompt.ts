// The request's wording and its one tool. The user message holds a single ```json block with the questions;
// the tool `choose_events` is forced, so the answer always comes back as its input.
import type { LlmQuestion } from './questions.js';

export const TOOL_NAME = 'choose_events';

export const TOOL = {
  name: TOOL_NAME,
  description:
    'Record, for every channel asked about, which candidate event it carries (or null), how sure you are, and the names written in the channel that stand for a team of the chosen event.',
  input_schema: {
    type: 'object' as const,
    properties: {
      answers: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            channel: { type: 'string', description: 'The channel name exactly as given' },
            eventId: {
              type: ['string', 'null'],
              description: "The id of one of this channel's candidates, or null when none fits",
            },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
            aliases: {
              type: 'array',
              description:
                'Each name the channel writes for a team of the chosen event that is not that team’s full name (a nickname, an abbreviation, another spelling)',
              items: {
                type: 'object',
                properties: {
                  written: { type: 'string', description: 'As written in the channel name' },
                  team: { type: 'string', description: 'The team as the candidate names it (home or away)' },
                },
                required: ['written', 'team'],
              },
            },
          },
          required: ['channel', 'eventId', 'confidence', 'aliases'],
        },
      },
    },
    required: ['answers'],
  },
};

export const SYSTEM_PROMPT = [
  'You match the names of IPTV sports channels to the real events they carry.',
  'Each question gives a channel name as a provider wrote it (often with a channel family, a slot number, a time and a zone) and a list of candidate events.',
  'Choose the candidate the channel carries only when the name clearly refers to it: its teams under any nickname, abbreviation or spelling, and a time, if any, that fits the start (names write local times with a zone).',
  'When no candidate fits, or two fit equally, answer null. Never answer an id that is not among that channel’s candidates.',
  'Confidence is your probability that the choice is right. Answer every channel, through the choose_events tool.',
].join(' ');

/** The user message: the task in one sentence and the questions in one ```json block. */
export function userMessage(questions: readonly LlmQuestion[]): string {
  return [
    `Which event does each of these ${questions.length} channels carry?`,
    '```json',
    JSON.stringify(questions),
    '```',
  ].join('\n');
}

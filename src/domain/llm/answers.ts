// The model's tool input, read against the questions it answers: an answer must name a channel asked about, an
// id among that channel's candidates (or null) and a confidence in [0, 1]; anything else is rejected, so the
// model can only choose among real events, never invent one.
import { z } from 'zod';
import type { LlmQuestion } from './questions.js';

/** A name the channel writes for a team of the chosen event. */
export interface AliasLesson {
  written: string;
  team: string;
}

export type Verdict =
  | { kind: 'chosen'; eventId: string; confidence: number; aliases: AliasLesson[] }
  | { kind: 'none'; confidence: number }
  | { kind: 'invalid'; reason: string };

const aliasSchema = z.object({
  written: z.string().trim().min(1).max(80),
  team: z.string().trim().min(1).max(120),
});
const answerSchema = z.object({
  channel: z.string(),
  eventId: z.union([z.string(), z.number().int().transform(String)]).nullable(),
  confidence: z.number().min(0).max(1),
  aliases: z.array(z.unknown()).max(10).optional(),
});

function lessonsOf(raw: readonly unknown[] | undefined): AliasLesson[] {
  return (raw ?? []).flatMap((a) => {
    const parsed = aliasSchema.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`).join('; ');
}

/**
 * Each asked channel's verdict, by name; channels the model left out are absent. `problem` is set, and no
 * verdict given, when the input as a whole is not `{ answers: [...] }`.
 */
export function readAnswers(
  questions: readonly LlmQuestion[],
  input: unknown,
): { verdicts: Map<string, Verdict>; problem: string | null } {
  const verdicts = new Map<string, Verdict>();
  const answers = (input as { answers?: unknown } | null)?.answers;
  if (typeof input !== 'object' || input === null || !Array.isArray(answers)) {
    return { verdicts, problem: 'the tool input is not { answers: [...] }' };
  }
  const asked = new Map(questions.map((q) => [q.channel, q]));
  for (const raw of answers) {
    const channel = (raw as { channel?: unknown } | null)?.channel;
    if (typeof channel !== 'string') continue;
    const question = asked.get(channel);
    if (!question || verdicts.has(channel)) continue;
    const parsed = answerSchema.safeParse(raw);
    if (!parsed.success) {
      verdicts.set(channel, { kind: 'invalid', reason: `malformed answer (${describe(parsed.error)})` });
      continue;
    }
    const { eventId, confidence } = parsed.data;
    if (eventId === null) {
      verdicts.set(channel, { kind: 'none', confidence });
    } else if (!question.candidates.some((c) => c.id === eventId)) {
      verdicts.set(channel, {
        kind: 'invalid',
        reason: `answered id ${JSON.stringify(eventId)}, not a candidate`,
      });
    } else {
      verdicts.set(channel, { kind: 'chosen', eventId, confidence, aliases: lessonsOf(parsed.data.aliases) });
    }
  }
  return { verdicts, problem: null };
}

// A loopback server speaking the Anthropic Messages API as @anthropic-ai/sdk sends and reads it: POST
// /v1/messages with the questions in one ```json block of the user message, answered with a `tool_use` content
// block, `usage` and `stop_reason`, or with the API's error bodies. Each test scripts the answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

export interface AskedCandidate {
  id: string;
  title: string;
  league: string;
  startsAt: string;
  home: string | null;
  away: string | null;
}

export interface AskedQuestion {
  channel: string;
  candidates: AskedCandidate[];
}

/** What one request carried, as the fake read it. */
export interface AskedRequest {
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    max_tokens: number;
    system?: string;
    tools: { name: string; input_schema: unknown }[];
    tool_choice: unknown;
    messages: { role: string; content: string }[];
  };
  /** The user message's ```json blocks (exactly one in a well-formed request). */
  jsonBlocks: number;
  questions: AskedQuestion[];
}

export type FakeReply =
  | { kind: 'tool'; input: unknown; usage?: { input_tokens: number; output_tokens: number } }
  | { kind: 'refusal' }
  | { kind: 'text'; text: string }
  | { kind: 'error'; status: number; type: string; retryAfter?: string }
  | { kind: 'raw'; status: number; body: string }
  | { kind: 'hang' };

export type FakeScript = (req: AskedRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeMessagesApi {
  url: string;
  asked: AskedRequest[];
  /** Tokens the fake reported, summed over its answers. */
  usage(): { input: number; output: number };
  /** Requests being answered at once, at most, so far. */
  maxInFlight(): number;
  setScript(script: FakeScript): void;
  close(): Promise<void>;
}

const USAGE = { input_tokens: 1_800, output_tokens: 240 };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function message(content: unknown[], stopReason: string, usage = USAGE) {
  return {
    id: `msg_${Math.random().toString(36).slice(2)}`,
    type: 'message',
    role: 'assistant',
    model: 'claude-haiku-4-5-20251001',
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage,
  };
}

export interface FakeMessagesOptions {
  /**
   * Report usage as about four characters a token of the request and the tool input, as a real answer's would
   * scale, instead of fixed counts.
   */
  estimateUsage?: boolean;
}

export async function startFakeMessagesApi(
  script: FakeScript,
  opts: FakeMessagesOptions = {},
): Promise<FakeMessagesApi> {
  const asked: AskedRequest[] = [];
  const total = { input: 0, output: 0 };
  let current = script;
  let inFlight = 0;
  let maxInFlight = 0;
  const server: LoopbackServer = await startLoopbackServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
      send(res, 404, { type: 'error', error: { type: 'not_found_error', message: req.url } });
      return;
    }
    const raw = await readBody(req);
    const body = JSON.parse(raw) as AskedRequest['body'];
    const text = body.messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)\n```/g)];
    const request: AskedRequest = {
      headers: req.headers,
      body,
      jsonBlocks: blocks.length,
      questions: blocks[0] ? (JSON.parse(blocks[0][1]!) as AskedQuestion[]) : [],
    };
    const index = asked.length;
    asked.push(request);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const reply = await current(request, index);
      switch (reply.kind) {
        case 'tool': {
          const usage =
            reply.usage ??
            (opts.estimateUsage
              ? {
                  input_tokens: Math.ceil(raw.length / 4),
                  output_tokens: Math.ceil(JSON.stringify(reply.input).length / 4),
                }
              : USAGE);
          total.input += usage.input_tokens;
          total.output += usage.output_tokens;
          return send(
            res,
            200,
            message(
              [{ type: 'tool_use', id: `toolu_${index}`, name: 'choose_events', input: reply.input }],
              'tool_use',
              usage,
            ),
          );
        }
        case 'refusal':
          return send(res, 200, message([], 'refusal'));
        case 'text':
          return send(res, 200, message([{ type: 'text', text: reply.text }], 'end_turn'));
        case 'error':
          return send(
            res,
            reply.status,
            { type: 'error', error: { type: reply.type, message: `fake ${reply.type}` } },
            reply.retryAfter !== undefined ? { 'retry-after': reply.retryAfter } : {},
          );
        case 'raw':
          res.writeHead(reply.status, { 'content-type': 'application/json' });
          res.end(reply.body);
          return;
        case 'hang':
          // Never answers; the client's timeout ends it and close() drops the connection.
          return new Promise<void>((resolve) => res.on('close', resolve));
      }
    } finally {
      inFlight -= 1;
    }
  });
  return {
    url: server.url,
    asked,
    maxInFlight: () => maxInFlight,
    usage: () => ({ ...total }),
    setScript(next) {
      current = next;
    },
    close: () => server.close(),
  };
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Answers as a model that knows some nicknames would: for each question, the candidate both of whose teams
 * the channel names (by their own names or a known nickname), with the nicknames it used as aliases; else null.
 */
export function nicknameOracle(
  nicknames: Record<string, string>,
  confidence = 0.92,
): (q: AskedQuestion) => {
  channel: string;
  eventId: string | null;
  confidence: number;
  aliases: { written: string; team: string }[];
} {
  return (q) => {
    const words = ` ${norm(q.channel)} `;
    for (const c of q.candidates) {
      if (!c.home || !c.away) continue;
      const aliases: { written: string; team: string }[] = [];
      const named = [c.home, c.away].every((team) => {
        if (words.includes(` ${norm(team)} `) || words.includes(` ${norm(team).split(' ').at(-1)} `))
          return true;
        const nick = Object.entries(nicknames).find(
          ([n, t]) => norm(t) === norm(team) && words.includes(` ${norm(n)} `),
        );
        if (nick) aliases.push({ written: nick[0], team });
        return !!nick;
      });
      if (named) return { channel: q.channel, eventId: c.id, confidence, aliases };
    }
    return { channel: q.channel, eventId: null, confidence: 0.3, aliases: [] };
  };
}

/** A script answering every question with `answer`. */
export function answering(answer: (q: AskedQuestion) => unknown): FakeScript {
  return (req) => ({ kind: 'tool', input: { answers: req.questions.map(answer) } });
}

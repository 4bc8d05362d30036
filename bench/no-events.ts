import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * ESPN's and TheSportsDB's answers with no event, as the benchmarks' upstream serves them: matching runs its
 * whole chain and finds nothing. TheSportsDB (`/api/v1/`) writes none as `null`.
 */
export function answerNoEvents(req: IncomingMessage, res: ServerResponse): void {
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(req.url?.includes('/api/v1/') ? '{"events":null}' : '{"events":[]}');
}

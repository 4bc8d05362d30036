import { z } from 'zod';
import { matchReportSchema } from '../../services/guides/index.js';

/** The match report as served: the stored report, and whether it belongs to the last good guide. */
export const servedReportSchema = matchReportSchema.extend({
  stale: z.boolean().describe('True when this report belongs to the last good guide kept in Postgres'),
  staleReason: z.string().optional().describe('Why a fresh guide could not be made, when stale'),
});

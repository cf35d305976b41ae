import { z } from 'zod';

export const CaseLogEntry = z.object({ date: z.string(), author: z.string(), message: z.string() });

/** What every view of a ticket carries (list rows and the ticket view). */
export const TicketBase = z.object({
  id: z.string(),
  class: z.string(),
  ref: z.string(),
  title: z.string(),
  status: z.string(),
  priority: z.string().optional(),
  startDate: z.string().optional(),
  lastUpdate: z.string().optional(),
});

/** Everything the ticket view shows; links are built by the core from the configured iTop URL. */
export const TicketDetail = TicketBase.extend({
  caller: z.string().optional(),
  callerId: z.string().optional(),
  organization: z.string().optional(),
  agent: z.string().optional(),
  team: z.string().optional(),
  description: z.string(),
  publicLog: z.array(CaseLogEntry),
  links: z.object({ view: z.string(), edit: z.string() }),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const TicketRef = z.object({ class: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).max(64), id: z.string().regex(/^\d{1,12}$/) });
export type TicketRef = z.infer<typeof TicketRef>;

/**
 * Live updates of the dispatch board: every change to an incident is published here after its
 * transaction commits, and each open board (a server-sent-events stream) receives it. In-process: one
 * server instance. Several instances behind a balancer would relay through PostgreSQL LISTEN/NOTIFY.
 */
import type { z } from 'zod';
import type { streamEvent } from './schemas.ts';

export type StreamEvent = z.infer<typeof streamEvent>;
type Listener = (event: StreamEvent) => void;

export class IncidentFeed {
  private readonly listeners = new Set<Listener>();
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  publish(event: StreamEvent): void {
    for (const l of this.listeners) l(event);
  }
  get size(): number {
    return this.listeners.size;
  }
}

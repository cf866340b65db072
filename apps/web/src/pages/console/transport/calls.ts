// The API calls and error wording the transport pages share (the shapes and labels are in transport.ts).
import { api, ApiError } from '../../../api';
import type { Trip } from './transport';

/** The API's own words (it answers in Chinese), else `fallback`. */
export function errorText(e: unknown, fallback = '操作失败，请稍后再试'): string {
  return e instanceof ApiError ? e.message : fallback;
}

export function getTrip(id: string): Promise<Trip> {
  return api<Trip>(`/api/trips/${encodeURIComponent(id)}`);
}

/** A coordinator's move on a trip (confirm, depart, arrive…): POST /api/trips/:id/<action>, answered with the trip. */
export function tripAction(id: string, action: string, body?: unknown): Promise<Trip> {
  return api<Trip>(`/api/trips/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: body ?? {} });
}

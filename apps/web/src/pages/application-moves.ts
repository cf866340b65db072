import { api } from '../api';
import type { Application, TransitionInput } from './applications';

/** POST /api/applications/:id/transitions with the version read (a move made by someone else meanwhile is a 409). */
export function moveApplication(a: Pick<Application, 'id' | 'version'>, input: TransitionInput): Promise<Application> {
  return api<Application>(`/api/applications/${encodeURIComponent(a.id)}/transitions`, {
    method: 'POST',
    body: { ...input, version: a.version },
  });
}

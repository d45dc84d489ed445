import { authorizationHeaders } from '../api/apiKey';
import type { UploadOutcome } from '../formRenderer/FormRenderer';

/**
 * Uploads a file for a task's file field through `POST /files` (multipart: taskId, field, file). The signed-in
 * key goes as Authorization; an external participant's link token goes as `X-LowCode-Link-Token` instead.
 */
export async function uploadFile(taskId: string, field: string, file: File, linkToken?: string): Promise<UploadOutcome> {
  const body = new FormData();
  body.append('taskId', taskId);
  body.append('field', field);
  body.append('file', file, file.name);
  const headers: Record<string, string> = linkToken ? { 'X-LowCode-Link-Token': linkToken } : authorizationHeaders();
  let response: Response;
  try {
    response = await fetch('/files', { method: 'POST', body, headers });
  } catch {
    return { error: 'The upload did not reach the server; check the connection and try again.' };
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  const record = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  if (!response.ok) {
    const error = record['error'] as { message?: unknown } | undefined;
    return { error: typeof error?.message === 'string' ? error.message : `The server refused the upload (HTTP ${response.status}).` };
  }
  if (typeof record['id'] !== 'string') {
    return { error: 'The server accepted the upload but did not say its id.' };
  }
  return {
    file: {
      id: record['id'],
      name: typeof record['name'] === 'string' ? record['name'] : file.name,
      ...(typeof record['contentType'] === 'string' ? { contentType: record['contentType'] } : {}),
      ...(typeof record['size'] === 'number' ? { size: record['size'] } : {}),
    },
  };
}

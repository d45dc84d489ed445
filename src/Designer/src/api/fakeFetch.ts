/** Test helper: a fetch that answers every call with the given response (or failure) and records the calls. */
export interface FakeFetch {
  readonly fetch: typeof fetch;
  readonly calls: { readonly url: string; readonly init: RequestInit | undefined }[];
}

export function fakeFetch(answer: () => Response | Promise<Response>): FakeFetch {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init });
    return answer();
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json; charset=utf-8'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

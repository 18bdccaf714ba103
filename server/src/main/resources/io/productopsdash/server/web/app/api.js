/*
 * The JSON API client: session cookie, the write header, errors as ApiError.
 */


export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.title ? problem.title : 'Request failed with ' + status);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, options = {}) {
  const init = { method: options.method || 'GET', credentials: 'same-origin', headers: {} };
  if (init.method !== 'GET') init.headers['X-ProductOpsDash'] = '1';
  if (options.body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
    throw new ApiError(401, { title: 'Logged out' });
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return options.withStatus ? { status: response.status, body } : body;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

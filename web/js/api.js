/** The JSON API client: errors come back as { error } with a status. */

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET /api/<path> with the non-empty `params` as the query string. */
export async function getJson(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && String(value).trim() !== "")
      query.set(name, String(value).trim());
  }
  const suffix = query.toString() ? `?${query}` : "";
  return answer(await fetch(`/api/${path}${suffix}`, { headers: { accept: "application/json" } }));
}

export async function postJson(path, body) {
  return answer(
    await fetch(`/api/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

async function answer(response) {
  let body;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const message = body && typeof body.error === "string" ? body.error : `HTTP ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

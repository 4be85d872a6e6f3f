// Uploads with the platform's fetch and FormData, as a client would.
export async function upload(
  baseUrl: string,
  roomId: string,
  token: string | undefined,
  bytes: Uint8Array<ArrayBuffer>,
  name = 'data.bin',
  mime = 'application/octet-stream',
  // Tests read the JSON answer loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: mime }), name);
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const response = await fetch(new URL(`/api/rooms/${roomId}/files`, baseUrl), { method: 'POST', headers, body: form });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

import { startStack, stopStack } from '../support/stack';

async function login(url: string, openid: string) {
  const res = await fetch(`${url}/api/functions/user`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
    body: JSON.stringify({ action: 'login' }),
  });
  return (await res.json()) as { ok: boolean; data: { id: string; createdAt: string } };
}

test('a login survives kill -9 of the whole stack', async () => {
  const first = await startStack();
  const before = await login(first.url, 'openid-durable');
  expect(before.ok).toBe(true);
  await stopStack(first, 'SIGKILL');

  const second = await startStack({ dataDir: first.dataDir });
  try {
    const after = await login(second.url, 'openid-durable');
    expect(after).toEqual(before);
  } finally {
    await stopStack(second);
  }
});

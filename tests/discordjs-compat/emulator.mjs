// Starts the built Platform.DiscordEmulator on a free loopback port, as a third party would run it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const token = 'compat-bot-token';

const dll = fileURLToPath(new URL('../../Platform.DiscordEmulator/bin/Debug/net10.0/Platform.DiscordEmulator.dll', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(condition, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await condition()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function startEmulator(settings = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [dll, `--urls=${base}`, `--Emulator:BotToken=${token}`, '--Logging:LogLevel:Default=Warning',
    ...Object.entries(settings).map(([name, value]) => `--Emulator:${name}=${value}`)];
  const child = spawn('dotnet', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  await waitFor(async () => (await fetch(`${base}/health`)).ok, 'the emulator to start');

  const control = async (method, path, body) => {
    const response = await fetch(`${base}/control${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} /control${path} answered ${response.status}`);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  };

  return {
    api: `${base}/api`,
    get: (path) => control('GET', path),
    post: (path, body) => control('POST', path, body),
    stop: () => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

/**
 * `npm run dev`: the API (restarted on change) and Vite with HMR in front of it.
 * Open the URL Vite prints; it proxies /api to the API on PORT (default 8787).
 */
import { spawn } from 'node:child_process';

const env = {
  ...process.env,
  EXAMPLE_CONTENT: process.env.EXAMPLE_CONTENT ?? 'on',
  // Vite proxies /api to wherever the API listens.
  API_ORIGIN: process.env.API_ORIGIN ?? `http://localhost:${process.env.PORT ?? 8787}`,
};
const children = [
  spawn('node_modules/.bin/tsx', ['watch', 'api/server.ts'], { stdio: 'inherit', env }),
  spawn('node_modules/.bin/vite', [], { stdio: 'inherit', env }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}

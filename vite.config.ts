import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./client/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/client/', import.meta.url));
const apiPort = Number(process.env.API_PORT ?? 3000);

/** The upload page belongs to the uploads work; it is built only when it exists. */
function pageInputs(): Record<string, string> {
  const inputs: Record<string, string> = { main: `${root}index.html` };
  if (existsSync(`${root}upload.html`)) inputs.upload = `${root}upload.html`;
  if (existsSync(`${root}login.html`)) inputs.login = `${root}login.html`;
  if (existsSync(`${root}report.html`)) inputs.report = `${root}report.html`;
  return inputs;
}

/**
 * `npm run dev`: Vite serves the client with live reload and starts the Express API beside it
 * (tsx watch, restarted on server changes); /api is proxied to it.
 */
function expressApi(): Plugin {
  let child: ChildProcess | undefined;
  return {
    name: 'planner-express-api',
    apply: 'serve',
    configureServer(server) {
      if (process.env.VITEST || process.env.NO_API) return;
      child = spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], {
        stdio: 'inherit',
        env: { ...process.env, PORT: String(apiPort), SKIP_CLIENT_BUILD: '1' },
      });
      const stop = () => { child?.kill('SIGTERM'); child = undefined; };
      server.httpServer?.once('close', stop);
      process.once('exit', stop);
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [expressApi()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    rollupOptions: { input: pageInputs() },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
});

import { createApp } from './app.js';
import { bootstrapDatabase } from './bootstrap.js';
import { ensureClientBuilt } from './client-build.js';
import { loadConfig } from './config.js';
import { removeStaleSpools } from './uploads/upload-multipart.js';

const say = (msg: string) => console.log(`[planner] ${msg}`);

async function main() {
  const config = loadConfig();
  say(config.databaseUrl ? 'database: PostgreSQL + PostGIS (DATABASE_URL)' : `database: embedded PGlite + PostGIS in ${config.pgliteDataDir}`);
  const database = await bootstrapDatabase(config, say);
  await ensureClientBuilt(say);
  const spools = await removeStaleSpools();
  if (spools) say(`removed ${spools} upload file${spools > 1 ? 's' : ''} left by a process that ended mid-upload`);
  const app = createApp({ config, database });
  const server = app.listen(config.port, config.host, () => {
    say(`map and API at http://localhost:${config.port} (API docs: /api/openapi.json)`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing requests, then closing the database`);
    server.close();
    server.closeIdleConnections();
    // PGlite must be closed to flush its data folder.
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(`[planner] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

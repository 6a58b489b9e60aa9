import { defineConfig } from 'vitest/config';

// One process, files in sequence, modules shared: every file uses the same migrated database
// (an in-memory PGlite costs seconds to start; a real PostGIS is one database for the run).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});

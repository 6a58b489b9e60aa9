import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// Docker does not run on the build machine; this checks the wiring a user relies on.
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(`${root}/docker-compose.yml`, 'utf8'));

  it('runs a PostGIS with a health check', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^postgis\/postgis:\d+-3\./);
    expect(db.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    expect(db.volumes.join(' ')).toMatch(/\/var\/lib\/postgresql\/data/);
  });

  it('wires the app to it through DATABASE_URL, started once the database is healthy', () => {
    const { app, db } = compose.services;
    expect(app.build).toBe('.');
    expect(app.depends_on.db.condition).toBe('service_healthy');
    const url = new URL(app.environment.DATABASE_URL);
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(db.environment.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(db.environment.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${db.environment.POSTGRES_DB}`);
    expect(app.ports).toContain(`${app.environment.PORT}:3000`);
  });

  it('has a Dockerfile that installs from the lockfile and starts with npm start', () => {
    const dockerfile = readFileSync(`${root}/Dockerfile`, 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/CMD \["npm", "start"\]/);
  });
});

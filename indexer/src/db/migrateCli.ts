import { loadDatabaseUrl } from '../config.js';
import { runMigrations } from './runMigrations.js';

const applied = await runMigrations(loadDatabaseUrl());
console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');

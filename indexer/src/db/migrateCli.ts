import { loadConfig } from '../config.js';
import { runMigrations } from './runMigrations.js';

const applied = await runMigrations(loadConfig().databaseUrl);
console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');

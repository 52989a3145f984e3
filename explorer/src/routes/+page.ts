import { query } from '$lib/graphql/client.js';
import { HOME } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ home: await query<Record<string, any>>(fetch, HOME) });

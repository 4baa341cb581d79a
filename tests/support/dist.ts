/**
 * The built site the end-to-end tests read: dist/, or the folder E2E_DIST names (a build made
 * elsewhere, so that one checkout can test two builds without one overwriting the other).
 */
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/registry/load.ts';

export const DIST = process.env.E2E_DIST
	? resolve(process.env.E2E_DIST)
	: join(PROJECT_ROOT, 'dist');

/**
 * The registries the machine-readable tests run on: the real one, and the fixture whose text is
 * full of what Markdown, MDX, HTML and TypeScript treat specially (`<Task>`, `{port}`, `|`, a stray
 * backtick, a code two entries share).
 */
import { join } from 'node:path';
import { loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';
import type { Registry } from '../../src/registry/model.ts';

export const FIXTURE_DIR = join(PROJECT_ROOT, 'tests/fixtures/registries/valid');

export const REGISTRIES: { name: string; registry: Registry }[] = [
	{ name: 'registry', registry: loadRegistry() },
	{ name: 'fixture', registry: loadRegistry(FIXTURE_DIR) },
];

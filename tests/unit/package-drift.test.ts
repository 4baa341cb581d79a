/**
 * The pinned Smithers catalog, the sources kept from it, and the registry say the same thing. When
 * the pin in package.json moves, or someone edits what the importer writes, these fail, naming
 * each code that differs and the command that brings the registry up to date.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
// The catalog module alone: the package's index also loads its Effect-based errors, which this does not need.
import { smithersErrorDefinitions } from '@smithers-orchestrator/errors/smithersErrorDefinitions';
import { smithersTaggedErrorCodes } from '@smithers-orchestrator/errors/smithersTaggedErrorCodes';
import { catalogDrift, registryDrift, type InstalledCatalog } from '../../scripts/import/drift.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import type { PackageExtract } from '../../src/registry/package-extract.ts';

const PIN = '@smithers-orchestrator/errors';
const KEPT = join(PROJECT_ROOT, 'content/sources/smithers-package');
const REGISTRY_FILE = join(PROJECT_ROOT, 'content/registry/smithers.yaml');
const extract = JSON.parse(readFileSync(join(KEPT, 'extract.json'), 'utf8')) as PackageExtract;
const installed = smithersErrorDefinitions as InstalledCatalog;
const yaml = readFileSync(REGISTRY_FILE, 'utf8');
const fix = `run \`npm run import:smithers\` (${extract.command}) and commit what it changes`;

describe('the Smithers catalog pinned in package.json', () => {
	it('is the version the kept sources were read from', () => {
		const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
			devDependencies: Record<string, string>;
		};
		const pinned = manifest.devDependencies[PIN];
		const version = (
			JSON.parse(
				readFileSync(
					join(
						createRequire(import.meta.url).resolve(`${PIN}/smithersErrorDefinitions`),
						'../../package.json'
					),
					'utf8'
				)
			) as { version: string }
		).version;
		assert.equal(
			version,
			pinned,
			`${PIN} ${version} is installed, package.json pins ${pinned}: run npm install`
		);
		assert.equal(
			extract.version,
			pinned,
			`content/sources/smithers-package/ was read from ${extract.version}, package.json pins ${pinned}: ${fix}`
		);
	});

	it('is the catalog kept under content/sources/, code for code and byte for byte', () => {
		const lines = catalogDrift(extract.catalog.codes, installed);
		assert.deepEqual(
			lines,
			[],
			`the installed catalog differs from the kept one:\n${lines.join('\n')}\n${fix}`
		);
		const file = createRequire(import.meta.url).resolve(`${PIN}/smithersErrorDefinitions`);
		assert.equal(
			readFileSync(join(KEPT, 'smithersErrorDefinitions.js'), 'utf8'),
			readFileSync(file, 'utf8'),
			`the kept smithersErrorDefinitions.js is not the installed one: ${fix}`
		);
	});

	it('maps each tagged error to the code the installed package does, as kept', () => {
		assert.deepEqual(
			extract.facts.taggedErrors.value,
			{ ...smithersTaggedErrorCodes },
			`the installed smithersTaggedErrorCodes differs from the kept one: ${fix}`
		);
	});

	it('is what content/registry/smithers.yaml says, entry for entry', () => {
		const lines = registryDrift(yaml, extract);
		assert.deepEqual(
			lines,
			[],
			`content/registry/smithers.yaml differs from what the kept extract says:\n${lines.join('\n')}\n${fix}`
		);
	});
});

describe('the drift check, on a catalog that moved', () => {
	const first = extract.catalog.codes[0]!;
	const reworded = { ...first, when: `${first.when} And something new.` };
	const added = { ...first, code: 'BRAND_NEW_FAILURE', line: 9999 };
	const moved: PackageExtract = {
		...extract,
		catalog: { ...extract.catalog, codes: [reworded, ...extract.catalog.codes.slice(2), added] },
	};
	const removed = extract.catalog.codes[1]!.code;

	it('names a code added to, removed from and reworded in the installed catalog', () => {
		const lines = catalogDrift(
			extract.catalog.codes,
			Object.fromEntries(
				moved.catalog.codes.map(({ code, category, when, details }) => [
					code,
					{ category, when, details },
				])
			)
		);
		for (const code of [added.code, removed, first.code])
			assert.ok(
				lines.some((l) => l.startsWith(`${code}:`)),
				`${code} is not named:\n${lines.join('\n')}`
			);
		assert.equal(lines.length, 3, lines.join('\n'));
	});

	it('names each entry of the registry that the moved catalog would change', () => {
		const lines = registryDrift(yaml, moved);
		for (const code of [added.code, removed, first.code])
			assert.ok(
				lines.some((l) => l.startsWith(`${code}:`)),
				`${code} is not named:\n${lines.join('\n')}`
			);
	});

	it('names an entry edited by hand away from what the extract says', () => {
		const thrown = extract.thrown.find((t) => t.kind === 'SmithersError' && t.parts)!;
		const edited = yaml.replace(
			`- "${thrown.at}"`,
			'- "@smithers-orchestrator/engine@0.32.0 src/elsewhere.js:1"'
		);
		assert.notEqual(edited, yaml);
		assert.ok(
			registryDrift(edited, extract).some((l) => l.startsWith(thrown.code)),
			thrown.code
		);
	});
});

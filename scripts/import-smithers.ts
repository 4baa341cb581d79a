/**
 * `npm run import:smithers`: reads what Smithers publishes in its npm packages — its error catalog,
 * every message it raises with a code, and how errors reach a user — into
 * content/sources/smithers-package/ (extract.json, shaped by src/registry/package-extract.ts, and the
 * catalog files as received).
 *
 * The version read is the one package.json pins as `@smithers-orchestrator/errors`. The importer
 * packs `smithers-orchestrator` at that version and every `@smithers-orchestrator/*` package it
 * depends on, directly or through another, plus `incur` (the CLI's framework, which prints its
 * errors) at the highest version the CLI accepts; then reads their code with the TypeScript compiler
 * (scripts/import/). A maintainer runs it when Smithers ships; the build and tests only read its output.
 *
 * Then it brings content/registry/smithers.yaml up to date from what it read (import/registry-from-package.ts),
 * checked like any registry edit. `--kept` skips the packing and redoes that from the kept extract.
 *
 * One line per step on stderr; on failure one line saying what failed and what to do, exit 1, and
 * the previous output left as it was.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { PackageExtract, SkippedSite, ThrownSite } from '../src/registry/package-extract.ts';
import { listFiles } from './files.ts';
import {
	highestVersion,
	packAndExtract,
	StepError,
	type Extracted,
} from './import/npm-packages.ts';
import {
	isSourceFile,
	mainModule,
	parseFile,
	resolveImport,
	type PackageFile,
	type ReadPackage,
} from './import/package-modules.ts';
import {
	readCatalog,
	readCliLine,
	readConstString,
	readErrorClassName,
	readHttpBody,
	readTaggedErrorCodes,
	ShapeError,
} from './import/smithers-facts.ts';
import { findForwarders, forwardersIn } from './import/smithers-forwarders.ts';
import { readSites } from './import/smithers-sites.ts';
import { importPackage } from './import/registry-from-package.ts';
import { SKIP_REASONS } from './import/message-template.ts';
import { commandLine } from './cli.ts';
import { registryFiles } from '../src/registry/load.ts';
import { RegistryError, validateRegistry } from '../src/registry/validation.ts';

const ROOT = join(import.meta.dirname, '..');
export const OUT_DIR = join(ROOT, 'content/sources/smithers-package');
const PRODUCT = 'smithers-orchestrator';
const SCOPE = '@smithers-orchestrator/';
const PIN = '@smithers-orchestrator/errors';
const COMMAND = 'npm run import:smithers';
const ERRORS = '@smithers-orchestrator/errors';
const CATALOG = 'src/smithersErrorDefinitions.js';
const DOCS_URL = 'src/ERROR_REFERENCE_URL.js';
const ERROR_CLASS = 'src/SmithersError.js';
const TAGGED = 'src/smithersTaggedErrorCodes.js';
const SERVER = '@smithers-orchestrator/server';
const CLI = '@smithers-orchestrator/cli';
const INCUR_CLI = 'dist/Cli.js';
const FIX_SHAPE =
	'the package no longer has the shape scripts/import/ reads; update the reader to what it now ships';

function say(line: string): void {
	process.stderr.write(`import:smithers: ${line}\n`);
}

function pinnedVersion(): string {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<
		string,
		Record<string, string> | undefined
	>;
	const version = manifest['devDependencies']?.[PIN] ?? manifest['dependencies']?.[PIN];
	if (!version || !/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version)) {
		throw new StepError(
			'reading the version from package.json',
			`${PIN} is ${version ? `"${version}", not an exact version` : 'not a dependency'}`,
			`pin it exactly, e.g. "${PIN}": "0.32.0"`
		);
	}
	return version;
}

function dependencies(e: Extracted): Record<string, string> {
	return (e.manifest['dependencies'] ?? {}) as Record<string, string>;
}

/** The product, every `@smithers-orchestrator/*` package it depends on (at any depth), and incur. */
function fetchPackages(version: string, tmp: string): { smithers: Extracted[]; incur: Extracted } {
	const smithers: Extracted[] = [];
	const seen = new Set([PRODUCT]);
	let specs = [`${PRODUCT}@${version}`];
	while (specs.length > 0) {
		say(`packing ${specs.length === 1 ? specs[0] : `${specs.length} packages`}`);
		const packed = packAndExtract(specs, tmp);
		smithers.push(...packed);
		specs = [];
		for (const [name, range] of packed.flatMap((e) =>
			Object.entries(dependencies(e)).filter(([name]) => name.startsWith(SCOPE))
		)) {
			if (!seen.has(name)) specs.push(`${name}@${range}`);
			seen.add(name);
		}
	}
	const cli = smithers.find((p) => p.name === CLI);
	const range = cli && dependencies(cli)['incur'];
	if (!range) throw new StepError(`reading ${CLI}'s dependency on incur`, 'it has none', FIX_SHAPE);
	const incurVersion = highestVersion('incur', range);
	say(`packing incur@${incurVersion} (the highest of ${range})`);
	const [incur] = packAndExtract([`incur@${incurVersion}`], tmp);
	return { smithers, incur: incur! };
}

function readPackage(e: Extracted, only?: (path: string) => boolean): ReadPackage {
	const files = new Map<string, PackageFile>();
	for (const path of listFiles(e.dir, { relative: true }).sort()) {
		if (only ? only(path) : isSourceFile(path))
			files.set(path, parseFile(e.name, e.version, path, readFileSync(join(e.dir, path), 'utf8')));
	}
	return { name: e.name, version: e.version, exports: e.manifest['exports'], files };
}

function file(pkg: ReadPackage | undefined, path: string): PackageFile {
	const found = pkg?.files.get(path);
	if (!found)
		throw new StepError(
			`reading ${pkg?.name ?? 'a package'} ${path}`,
			'the package has no such file',
			FIX_SHAPE
		);
	return found;
}

/** `pkg@version path:line` in package, path, then line order. */
function compareAt(a: string, b: string): number {
	const split = (at: string) => {
		const colon = at.lastIndexOf(':');
		return { where: at.slice(0, colon), line: Number(at.slice(colon + 1)) };
	};
	const [x, y] = [split(a), split(b)];
	return x.where < y.where ? -1 : x.where > y.where ? 1 : x.line - y.line;
}

/** Everything read from the packages, before anything is written. */
export function extract(
	version: string,
	smithers: readonly Extracted[],
	incurPackage: Extracted
): PackageExtract {
	const packages = new Map(smithers.map((e) => [e.name, readPackage(e)]));
	const all = [...packages.values()].flatMap((p) => [...p.files.values()]);
	say(`reading ${all.length} source files of ${packages.size} packages`);
	const forwarders = findForwarders(all);
	for (const f of forwarders)
		say(
			`raises SmithersError through ${f.kind === 'class' ? 'subclass' : 'helper'} ${f.name} (${f.file.id} ${f.file.path})`
		);
	const thrown: ThrownSite[] = [];
	const skipped: SkippedSite[] = [];
	for (const f of all) {
		const sites = readSites(f, {
			forwarders: forwardersIn(f, forwarders, (s) => resolveImport(packages, f, s)),
			bodies: f.pkg === SERVER,
		});
		thrown.push(...sites.thrown);
		skipped.push(...sites.skipped);
	}
	const errors = packages.get(ERRORS);
	const server = packages.get(SERVER);
	const serverEntry = server && mainModule(server);
	if (!serverEntry)
		throw new StepError(
			`resolving ${SERVER}'s main module`,
			'its exports name no file it ships',
			FIX_SHAPE
		);
	const incur = readPackage(incurPackage, (p) => p === INCUR_CLI);
	const catalogFile = file(errors, CATALOG);
	return {
		package: PRODUCT,
		version,
		command: COMMAND,
		packages: [
			...[...packages.values()].map((p) => `${p.name}@${p.version}`),
			`${incur.name}@${incur.version}`,
		].sort(),
		catalog: { at: `${catalogFile.id} ${catalogFile.path}`, codes: readCatalog(catalogFile) },
		facts: {
			docsUrl: readConstString(file(errors, DOCS_URL), 'ERROR_REFERENCE_URL'),
			errorClass: readErrorClassName(file(errors, ERROR_CLASS)),
			cliLine: readCliLine(file(incur, INCUR_CLI)),
			httpBody: readHttpBody(serverEntry),
			taggedErrors: readTaggedErrorCodes(file(errors, TAGGED)),
		},
		thrown: thrown.sort((a, b) =>
			a.code < b.code ? -1 : a.code > b.code ? 1 : compareAt(a.at, b.at)
		),
		skipped: skipped.sort(
			(a, b) => compareAt(a.at, b.at) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)
		),
	};
}

/** Writes every file to a temporary name first, then renames them all into place. */
function writeAll(files: ReadonlyMap<string, string | Buffer>): void {
	mkdirSync(OUT_DIR, { recursive: true });
	const staged = [...files].map(([name, content]) => {
		const target = join(OUT_DIR, name);
		writeFileSync(`${target}.tmp`, content);
		return target;
	});
	for (const target of staged) {
		renameSync(`${target}.tmp`, target);
		say(`wrote ${relative(ROOT, target)}`);
	}
}

function summary(x: PackageExtract): string {
	const kinds = ['SmithersError', 'HttpError', 'body']
		.map((k) => `${x.thrown.filter((t) => t.kind === k).length} ${k}`)
		.join(', ');
	return `${x.catalog.codes.length} catalog codes; ${x.thrown.length} sites (${kinds}), ${x.skipped.length} skipped`;
}

export const REGISTRY_FILE = join(ROOT, 'content/registry/smithers.yaml');

/** Brings the registry file up to date with the extract; writes nothing unless the result validates. */
function updateRegistry(result: PackageExtract): void {
	const before = readFileSync(REGISTRY_FILE, 'utf8');
	const { yaml, report } = importPackage(before, result);
	if (report.problems.length)
		throw new StepError(
			'bringing the registry up to date',
			report.problems.join('; '),
			'fix content/registry/smithers.yaml, then run it again'
		);
	const sources = registryFiles().map((path) => ({
		file: relative(process.cwd(), path),
		text: path === REGISTRY_FILE ? yaml : readFileSync(path, 'utf8'),
	}));
	try {
		validateRegistry(sources);
	} catch (error) {
		if (error instanceof RegistryError)
			throw new StepError(
				'checking the updated registry',
				error.message,
				'the extract says something the registry cannot hold: fix the reader or the schema'
			);
		throw error;
	}
	if (yaml !== before) {
		writeFileSync(`${REGISTRY_FILE}.tmp`, yaml);
		renameSync(`${REGISTRY_FILE}.tmp`, REGISTRY_FILE);
	}
	say(
		`${relative(ROOT, REGISTRY_FILE)}: ${yaml === before ? 'already up to date' : 'updated'}; ${report.added.length} codes first listed by the catalog, ${report.unlisted.length} thrown but listed nowhere, ${report.absent.length} no longer in the catalog, ${report.reworded.length} reworded`
	);
	if (report.unshaped.length)
		say(`left out, not SCREAMING_SNAKE_CASE as registry codes are: ${report.unshaped.join(', ')}`);
	say(
		`${report.templates} message templates from ${report.templateSites} call sites; not made templates:`
	);
	for (const [why, count] of Object.entries(report.skipped))
		say(`  ${count} — ${SKIP_REASONS[why as keyof typeof SKIP_REASONS]}`);
}

function main(): void {
	if (process.argv.includes('--kept')) {
		try {
			updateRegistry(
				JSON.parse(readFileSync(join(OUT_DIR, 'extract.json'), 'utf8')) as PackageExtract
			);
		} catch (error) {
			say(
				error instanceof StepError
					? `${error.message} — ${error.hint}`
					: `failed: ${error instanceof Error ? error.message : String(error)}`
			);
			process.exitCode = 1;
		}
		return;
	}
	const tmp = mkdtempSync(join(tmpdir(), 'import-smithers-'));
	try {
		const version = pinnedVersion();
		say(`importing ${PRODUCT}@${version} (pinned in package.json as ${PIN})`);
		const { smithers, incur } = fetchPackages(version, tmp);
		const result = extract(version, smithers, incur);
		say(summary(result));
		const errors = smithers.find((e) => e.name === ERRORS)!;
		writeAll(
			new Map<string, string | Buffer>([
				['ERROR_REFERENCE_URL.js', readFileSync(join(errors.dir, DOCS_URL))],
				['smithersErrorDefinitions.js', readFileSync(join(errors.dir, CATALOG))],
				['extract.json', `${JSON.stringify(result, null, '\t')}\n`],
			])
		);
		updateRegistry(result);
	} catch (error) {
		if (error instanceof StepError) say(`${error.message} — ${error.hint}`);
		else if (error instanceof ShapeError)
			say(`reading the packages failed: ${error.message} — ${FIX_SHAPE}`);
		else say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		process.exitCode = 1;
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

const USAGE = `Usage: npm run import:smithers [-- --kept]

Reads Smithers' published npm packages at the version package.json pins
(@smithers-orchestrator/errors), keeps what it read in content/sources/smithers-package/, and
brings content/registry/smithers.yaml up to date from it. Needs the npm registry.

Options:
  --kept      redo the registry part from the kept extract, offline
  -h, --help  show this help`;

if (import.meta.main) {
	commandLine('import:smithers', USAGE, { kept: { type: 'boolean' } });
	main();
}

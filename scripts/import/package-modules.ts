/**
 * The JavaScript/TypeScript files of extracted npm packages, parsed, and the resolution of an
 * import between them (relative, or `@scope/name[/sub]` through the package's `exports`). Pure: the
 * caller reads the files.
 */
import { posix } from 'node:path';
import ts from 'typescript';

/** One source file of a package. */
export interface PackageFile {
	/** The package's name. */
	pkg: string;
	/** `name@version`. */
	id: string;
	/** Path inside the package, without the tarball's `package/`. */
	path: string;
	sf: ts.SourceFile;
}

/** A package as read: its name, version, `exports` and source files by path. */
export interface ReadPackage {
	name: string;
	version: string;
	exports: unknown;
	files: Map<string, PackageFile>;
}

const SOURCE = /\.(?:m?js|cjs|jsx|tsx?|mts|cts)$/;

/**
 * Whether a file of a package is source to read: code, not a declaration file, not a built web
 * bundle (`ui-dist/`, `dist/assets/`), not minified, not a dependency copied in.
 */
export function isSourceFile(path: string): boolean {
	if (!SOURCE.test(path) || /\.d\.[mc]?ts$/.test(path) || /\.min\.[mc]?js$/.test(path))
		return false;
	return !/(?:^|\/)(?:node_modules|ui-dist)\//.test(path) && !/(?:^|\/)dist\/assets\//.test(path);
}

export function parseFile(pkg: string, version: string, path: string, text: string): PackageFile {
	const kind = /\.tsx$/.test(path)
		? ts.ScriptKind.TSX
		: /\.[mc]?ts$/.test(path)
			? ts.ScriptKind.TS
			: /\.jsx$/.test(path)
				? ts.ScriptKind.JSX
				: ts.ScriptKind.JS;
	return {
		pkg,
		id: `${pkg}@${version}`,
		path,
		sf: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind),
	};
}

/** The target of one `exports` entry, for `import`. */
function exportTarget(entry: unknown): string | undefined {
	if (typeof entry === 'string') return entry;
	if (entry && typeof entry === 'object') {
		const conditions = entry as Record<string, unknown>;
		return exportTarget(conditions['import'] ?? conditions['default']);
	}
	return undefined;
}

/** `./src/*.js` with `*` = `sub`, for a package's `exports`; undefined when it exports no such path. */
function exportedPath(exports: unknown, sub: string): string | undefined {
	if (!exports || typeof exports !== 'object') return sub === '.' ? 'index.js' : undefined;
	const map = exports as Record<string, unknown>;
	const exact = exportTarget(map[sub]);
	if (exact) return posix.normalize(exact);
	for (const [key, value] of Object.entries(map)) {
		const star = key.indexOf('*');
		const target = exportTarget(value);
		if (star === -1 || !target) continue;
		const [before, after] = [key.slice(0, star), key.slice(star + 1)];
		if (
			sub.startsWith(before) &&
			sub.endsWith(after) &&
			sub.length >= before.length + after.length
		) {
			return posix.normalize(
				target.replace('*', sub.slice(before.length, sub.length - after.length))
			);
		}
	}
	return undefined;
}

function findFile(pkg: ReadPackage, path: string): PackageFile | undefined {
	const base = path.replace(/\.(?:m?js|ts)$/, '');
	for (const candidate of [
		path,
		`${base}.js`,
		`${base}.ts`,
		`${base}.mjs`,
		`${base}.tsx`,
		`${path}/index.js`,
		`${path}/index.ts`,
	]) {
		const file = pkg.files.get(candidate);
		if (file) return file;
	}
	return undefined;
}

/** The module a package's `exports` name as its main one (`.`), if it ships it. */
export function mainModule(pkg: ReadPackage): PackageFile | undefined {
	const path = exportedPath(pkg.exports, '.');
	return path ? findFile(pkg, path) : undefined;
}

/** The file an import specifier in `from` resolves to among the packages read, if it is one of them. */
export function resolveImport(
	packages: ReadonlyMap<string, ReadPackage>,
	from: PackageFile,
	specifier: string
): PackageFile | undefined {
	if (specifier.startsWith('.')) {
		const pkg = packages.get(from.pkg);
		return pkg && findFile(pkg, posix.normalize(posix.join(posix.dirname(from.path), specifier)));
	}
	const segments = specifier.split('/');
	const name = specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0]!;
	const pkg = packages.get(name);
	if (!pkg) return undefined;
	const sub = specifier === name ? '.' : `./${specifier.slice(name.length + 1)}`;
	const path = exportedPath(pkg.exports, sub);
	return path ? findFile(pkg, path) : undefined;
}

/** Imported bindings of a file: local name → the imported name and module specifier. */
export function importedNames(
	sf: ts.SourceFile
): Map<string, { imported: string; specifier: string }> {
	const names = new Map<string, { imported: string; specifier: string }>();
	for (const statement of sf.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
			continue;
		const bindings = statement.importClause?.namedBindings;
		if (!bindings || !ts.isNamedImports(bindings)) continue;
		for (const element of bindings.elements) {
			names.set(element.name.text, {
				imported: (element.propertyName ?? element.name).text,
				specifier: statement.moduleSpecifier.text,
			});
		}
	}
	return names;
}

/** `package@version path:line`, the line 1-based, of where `node` starts. */
export function siteAt(file: PackageFile, node: ts.Node): string {
	const line = file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf)).line + 1;
	return `${file.id} ${file.path}:${line}`;
}

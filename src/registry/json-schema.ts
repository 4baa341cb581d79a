/**
 * The JSON Schema of the registry files, made from the zod schema: editors check YAML against it
 * (content/registry/registry.schema.json, written by scripts/generate.ts) and the site publishes
 * it at /schema/registry.schema.json. One text, so the two never differ.
 */
import { z } from 'zod';
import { product } from './schema.ts';

/** A JSON file's text, indented so that a person can read it too: every JSON file the project writes. */
export function jsonText(value: unknown): string {
	return `${JSON.stringify(value, null, '\t')}\n`;
}

export function jsonSchema(): string {
	return jsonText(z.toJSONSchema(product, { io: 'input' }));
}

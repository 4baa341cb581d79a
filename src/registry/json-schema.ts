/**
 * The JSON Schema of the registry files, made from the zod schema: editors check YAML against it
 * (content/registry/registry.schema.json, written by scripts/generate.ts) and the site publishes
 * it at /schema/registry.schema.json. One text, so the two never differ.
 */
import { z } from 'zod';
import { product } from './schema.ts';

export function jsonSchema(): string {
	return `${JSON.stringify(z.toJSONSchema(product, { io: 'input' }), null, '\t')}\n`;
}

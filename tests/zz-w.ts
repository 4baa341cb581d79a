import { readQuery, searchWords } from '../src/decode/index.ts';
import { data } from './unit/decode-fixtures.ts';
for (const q of process.argv.slice(2))
	console.log(
		q.padEnd(44),
		'→',
		readQuery(q, data)
			.map((h) => `${h.kind}:${h.code}`)
			.join(' '),
		'| search:',
		JSON.stringify(searchWords(q, data))
	);

/**
 * The MCP stdio transport, with a bound on what one message may hold. The SDK's own transport
 * closes the connection on a message over its buffer (10 MiB), which leaves the client waiting for
 * an answer that never comes, and copies its whole buffer at each chunk of a long one. Here one
 * message is read in linear time up to `maxMessageBytes`; a longer one streams past unkept
 * (envelope.ts reads its id, method and tool), and is answered with an error that says what to do,
 * as a tool error for a tool call. The connection stays open for the next request.
 */
import type { Readable, Writable } from 'node:stream';
import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { EnvelopeReader, type Envelope } from './envelope.ts';

const NEWLINE = 0x0a;

/** JSON-RPC's code for a request that is not a valid one. */
const INVALID_REQUEST = -32600;

export class BoundedStdioTransport implements Transport {
	onclose?: () => void;
	onerror?: (error: Error) => void;
	onmessage?: (message: JSONRPCMessage) => void;

	readonly #stdin: Readable;
	readonly #stdout: Writable;
	readonly #max: number;
	/** What says an oversized message: the words of its answer, from its size and envelope. */
	readonly #tooLarge: (bytes: number, envelope: Envelope) => string;
	#parts: Buffer[] = [];
	#size = 0;
	/** Set while an oversized message streams past. */
	#skipping: EnvelopeReader | undefined;
	#closed = false;

	constructor(
		options: {
			maxMessageBytes: number;
			tooLarge: (bytes: number, envelope: Envelope) => string;
		},
		stdin: Readable = process.stdin,
		stdout: Writable = process.stdout
	) {
		this.#max = options.maxMessageBytes;
		this.#tooLarge = options.tooLarge;
		this.#stdin = stdin;
		this.#stdout = stdout;
	}

	async start(): Promise<void> {
		this.#stdin.on('data', this.#onData);
		this.#stdin.on('error', this.#onError);
		this.#stdin.on('end', this.#onEnd);
	}

	readonly #onData = (chunk: Buffer): void => {
		let start = 0;
		while (start < chunk.length) {
			const end = chunk.indexOf(NEWLINE, start);
			const piece = chunk.subarray(start, end === -1 ? chunk.length : end);
			this.#take(piece);
			if (end === -1) return;
			this.#endLine();
			start = end + 1;
		}
	};

	readonly #onError = (error: Error): void => this.onerror?.(error);
	readonly #onEnd = (): void => void this.close();

	/** Part of a line: kept while the line is within the bound, else read past. */
	#take(piece: Buffer): void {
		this.#size += piece.length;
		if (!this.#skipping && this.#size > this.#max) {
			this.#skipping = new EnvelopeReader();
			for (const part of this.#parts) this.#skipping.feed(part);
			this.#parts = [];
		}
		if (this.#skipping) this.#skipping.feed(piece);
		else if (piece.length) this.#parts.push(piece);
	}

	#endLine(): void {
		const [parts, size, skipped] = [this.#parts, this.#size, this.#skipping];
		[this.#parts, this.#size, this.#skipping] = [[], 0, undefined];
		if (skipped) return void this.#answerTooLarge(size, skipped.envelope);
		const line = Buffer.concat(parts, size).toString('utf8').replace(/\r$/, '');
		if (!line.trim()) return;
		let message: JSONRPCMessage;
		try {
			message = deserializeMessage(line);
		} catch (error) {
			this.onerror?.(error instanceof Error ? error : new Error(String(error)));
			return;
		}
		this.onmessage?.(message);
	}

	#answerTooLarge(bytes: number, envelope: Envelope): void {
		const text = this.#tooLarge(bytes, envelope);
		if (envelope.id === undefined) {
			this.onerror?.(new Error(text));
			return;
		}
		const answer: JSONRPCMessage =
			envelope.method === 'tools/call'
				? {
						jsonrpc: '2.0',
						id: envelope.id,
						result: { content: [{ type: 'text', text }], isError: true },
					}
				: { jsonrpc: '2.0', id: envelope.id, error: { code: INVALID_REQUEST, message: text } };
		void this.send(answer);
	}

	send(message: JSONRPCMessage): Promise<void> {
		return new Promise((resolve) => {
			if (this.#stdout.write(serializeMessage(message))) resolve();
			else this.#stdout.once('drain', resolve);
		});
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		this.#stdin.off('data', this.#onData);
		this.#stdin.off('error', this.#onError);
		this.#stdin.off('end', this.#onEnd);
		this.#stdin.pause();
		[this.#parts, this.#size, this.#skipping] = [[], 0, undefined];
		this.onclose?.();
	}
}

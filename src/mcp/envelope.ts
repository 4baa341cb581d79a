/**
 * What a JSON-RPC request too large to read says about itself: its `id`, its `method` and, for a
 * tool call, the tool's name (`params.name`), read as its bytes stream past without keeping them.
 * The server answers such a request with an error instead of parsing megabytes or dropping it
 * (a client would wait for an answer that never comes). Only the members of the top object and of
 * `params` are looked at; every string is skipped byte by byte, and at most CAPTURE bytes of one
 * are kept, so memory stays constant whatever the size and nesting of the request.
 */

/** Bytes of a key or a value kept: ids, method and tool names are short; longer ones are not trusted. */
const CAPTURE = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export interface Envelope {
	id?: string | number;
	method?: string;
	/** `params.name`: the tool called, for `tools/call`. */
	tool?: string;
}

/** Reads the envelope of one JSON-RPC message, fed in pieces. */
export class EnvelopeReader {
	readonly envelope: Envelope = {};
	#depth = 0;
	/** For the top object (1) and the object at depth 2: whether a key comes next. */
	#expectKey: boolean[] = [false, false, false];
	/** The last key read in the top object, and in the object at depth 2. */
	#key: (string | undefined)[] = [];
	/** Whether the object at depth 2 is `params`. */
	#inParams = false;
	#inString = false;
	#escaped = false;
	/** What the string or number being read is: a key, a value to keep, or nothing to keep. */
	#role: 'key' | 'value' | undefined;
	#captured: number[] = [];
	#overflow = false;
	#scalar = '';

	feed(bytes: Uint8Array): void {
		for (let i = 0; i < bytes.length; i++) {
			const c = bytes[i]!;
			if (this.#inString) {
				if (this.#escaped) this.#escaped = false;
				else if (c === BACKSLASH) this.#escaped = true;
				else if (c === QUOTE) {
					this.#inString = false;
					this.#endString();
					continue;
				}
				if (this.#role) this.#capture(c);
				continue;
			}
			this.#structural(c);
		}
	}

	#capture(c: number): void {
		if (this.#captured.length < CAPTURE) this.#captured.push(c);
		else this.#overflow = true;
	}

	/** The role a value starting here has: kept when it is the top object's `id` or `method`, or `params.name`. */
	#valueRole(): 'value' | undefined {
		const key = this.#key[this.#depth];
		if (this.#depth === 1 && (key === 'id' || key === 'method')) return 'value';
		if (this.#depth === 2 && this.#inParams && key === 'name') return 'value';
		return undefined;
	}

	#structural(c: number): void {
		switch (c) {
			case QUOTE:
				this.#inString = true;
				this.#role = this.#depth <= 2 && this.#expectKey[this.#depth] ? 'key' : this.#valueRole();
				this.#captured = [];
				this.#overflow = false;
				return;
			case 0x7b: // {
			case 0x5b: {
				// [
				this.#endScalar();
				const parentKey = this.#key[this.#depth];
				this.#depth++;
				if (this.#depth <= 2) {
					this.#expectKey[this.#depth] = c === 0x7b;
					this.#key[this.#depth] = undefined;
					if (this.#depth === 2) this.#inParams = c === 0x7b && parentKey === 'params';
				}
				return;
			}
			case 0x7d: // }
			case 0x5d: // ]
				this.#endScalar();
				this.#depth = Math.max(0, this.#depth - 1);
				return;
			case 0x3a: // :
				if (this.#depth <= 2) this.#expectKey[this.#depth] = false;
				return;
			case 0x2c: // ,
				this.#endScalar();
				if (this.#depth <= 2 && this.#key[this.#depth] !== undefined)
					this.#expectKey[this.#depth] = true;
				return;
			case 0x20:
			case 0x09:
			case 0x0a:
			case 0x0d:
				return;
		}
		// A number id, read to its end.
		if (this.#depth === 1 && this.#key[1] === 'id' && this.#scalar.length < CAPTURE)
			this.#scalar += String.fromCharCode(c);
	}

	#endString(): void {
		const role = this.#role;
		this.#role = undefined;
		if (!role || this.#overflow) return;
		let text: string;
		try {
			text = JSON.parse(`"${Buffer.from(this.#captured).toString('utf8')}"`) as string;
		} catch {
			return;
		}
		if (role === 'key') this.#key[this.#depth] = text;
		else if (this.#depth === 1 && this.#key[1] === 'id') this.envelope.id = text;
		else if (this.#depth === 1 && this.#key[1] === 'method') this.envelope.method = text;
		else this.envelope.tool = text;
	}

	#endScalar(): void {
		if (!this.#scalar) return;
		const n = Number(this.#scalar);
		if (Number.isSafeInteger(n)) this.envelope.id = n;
		this.#scalar = '';
	}
}

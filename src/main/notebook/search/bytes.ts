/** Growable little-endian byte buffer with unsigned LEB128 varints, for the index cache. */
export class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  private static readonly encoder = new TextEncoder();

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  /** A non-negative integer below 2^53. */
  varint(value: number): void {
    this.ensure(8);
    let v = value;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buffer[this.length++] = v;
  }

  bytes(data: Uint8Array): void {
    this.varint(data.length);
    this.ensure(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  string(text: string): void {
    this.bytes(ByteWriter.encoder.encode(text));
  }

  finish(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** Thrown when cache bytes end early or hold impossible values. */
export class CorruptDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptDataError';
  }
}

export class ByteReader {
  private offset = 0;
  private static readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly data: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.data.length;
  }

  /** Where the next read starts (see seek). */
  get position(): number {
    return this.offset;
  }

  /** Reads on from `offset` (a position read before): a second pass over the same bytes. */
  seek(offset: number): void {
    this.offset = offset;
  }

  /** How many bytes are left to read. */
  get remaining(): number {
    return Math.max(0, this.data.length - this.offset);
  }

  /** The bytes not read yet, as a view (the reader then stands at the end). */
  rest(): Uint8Array {
    const view = this.data.subarray(this.offset);
    this.offset = this.data.length;
    return view;
  }

  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.offset >= this.data.length) throw new CorruptDataError('unexpected end of data');
      const byte = this.data[this.offset++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
    }
    throw new CorruptDataError('varint too long');
  }

  bytes(): Uint8Array {
    const length = this.varint();
    if (this.offset + length > this.data.length) throw new CorruptDataError('unexpected end of data');
    const out = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  string(): string {
    try {
      return ByteReader.decoder.decode(this.bytes());
    } catch (error) {
      if (error instanceof CorruptDataError) throw error;
      throw new CorruptDataError('invalid text');
    }
  }
}

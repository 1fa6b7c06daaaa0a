/** A growable Int32Array: millions of values must not become millions of small arrays. */
export class IntBuffer {
  private data: Int32Array;
  length = 0;

  /** Starts small: doubling costs little, and zeroing a large first block dominated small builds. */
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

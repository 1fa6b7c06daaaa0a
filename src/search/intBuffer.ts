/** A growable Int32Array: millions of values must not become millions of small arrays. */
export class IntBuffer {
  private data = new Int32Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index] ?? 0;
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Corpus files are UTF-8, decoded strictly: a byte that is not UTF-8 (a Latin-1 "é", say) would
 * otherwise become "�" inside a quote the bot calls verbatim. A UTF-8 byte-order mark at the top is
 * accepted and dropped (TextDecoder does that by default), as editors on Windows save one.
 */
export type Decoded =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      /** Bad bytes shown as U+FFFD, so the file's other problems can still be reported. */
      readonly text: string;
      readonly line: number;
      /** In characters, as editors count them. */
      readonly column: number;
      readonly byte: number;
    };

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Located below; the fast path above is what every valid file takes.
  }
  const at = firstInvalidByte(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at));
  return {
    ok: false,
    text: new TextDecoder('utf-8').decode(bytes),
    line,
    column: [...before].length + 1,
    byte: bytes[at] ?? 0,
  };
}

/** Offset of the first byte of the first sequence that is not UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Where the character being decoded began: a bad sequence is reported at its start.
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    try {
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }).length > 0) start = i + 1;
    } catch {
      return start;
    }
  }
  // A sequence cut short by the end of the file.
  return start;
}

// A streaming RFC 4180 CSV reader that keeps line numbers. Feed it text in
// chunks of any size; it hands back complete records only, each with the
// physical line it starts on, so an error report can point at the file.
// A malformed record (stray quote, unterminated field) is returned as an
// error for that record and reading resumes at the next line.

export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

const QUOTE = 34, COMMA = 44, LF = 10, CR = 13;

export class CsvReader {
  private buf = "";
  private line = 1;
  private ended = false;

  /** Complete records in the text so far; an incomplete tail waits for the next chunk. */
  push(text: string): CsvRecord[] {
    this.buf = this.buf.length ? this.buf + text : text;
    return this.drain();
  }

  /** The last record (if the input does not end with a newline) and any unterminated field. */
  end(): CsvRecord[] {
    this.ended = true;
    return this.drain();
  }

  private drain(): CsvRecord[] {
    const out: CsvRecord[] = [];
    const s = this.buf;
    const n = s.length;
    let pos = 0;
    for (;;) {
      if (pos >= n) break;
      const startLine = this.line;
      const fields: string[] = [];
      let p = pos;
      let lines = 0;
      let error: string | null = null;
      let complete = false;
      for (;;) {
        if (p >= n) {
          // End of buffer: the record is complete only at end of input (no trailing newline).
          if (this.ended) { fields.push(""); complete = true; }
          break;
        }
        if (s.charCodeAt(p) === QUOTE) {
          let q = p + 1;
          let value = "";
          let closed = false;
          for (;;) {
            const k = s.indexOf('"', q);
            if (k < 0) break;
            if (k + 1 < n && s.charCodeAt(k + 1) === QUOTE) { value += s.slice(q, k + 1); q = k + 2; continue; }
            if (k + 1 >= n && !this.ended) break; // might be an escaped quote split across chunks
            value += s.slice(q, k);
            q = k + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (this.ended) { error = "unterminated quoted field"; lines += countLf(s, p, n); p = n; complete = true; }
            break;
          }
          lines += countLf(value, 0, value.length);
          fields.push(value);
          p = q;
          if (p >= n) { if (this.ended) { complete = true; } break; }
          const c = s.charCodeAt(p);
          if (c === COMMA) { p++; if (p >= n && this.ended) { fields.push(""); complete = true; break; } continue; }
          if (c === LF) { p++; lines++; complete = true; break; }
          if (c === CR) {
            if (p + 1 >= n && !this.ended) break;
            p += s.charCodeAt(p + 1) === LF ? 2 : 1; lines++; complete = true; break;
          }
          error = "unexpected text after a closing quote";
        } else {
          let k = p;
          let c = 0;
          while (k < n) {
            c = s.charCodeAt(k);
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
            k++;
          }
          if (k >= n) {
            if (this.ended) { fields.push(s.slice(p, k)); p = k; complete = true; }
            break;
          }
          if (c === QUOTE) { error = "a quote inside an unquoted field (quote the whole field and double the quote)"; }
          else {
            fields.push(s.slice(p, k));
            p = k + 1;
            if (c === COMMA) { if (p >= n && this.ended) { fields.push(""); complete = true; break; } continue; }
            if (c === CR) {
              if (p >= n && !this.ended) break;
              if (s.charCodeAt(p) === LF) p++;
            }
            lines++;
            complete = true;
            break;
          }
        }
        if (error) {
          // Skip to the end of this physical line and report the record.
          const nl = s.indexOf("\n", p);
          if (nl < 0 && !this.ended) { error = null; break; }
          p = nl < 0 ? n : nl + 1;
          lines = countLf(s, pos, p);
          complete = true;
          break;
        }
      }
      if (!complete) break;
      pos = p;
      this.line = startLine + lines;
      if (error) out.push({ line: startLine, error });
      else if (!(fields.length === 1 && fields[0] === "")) out.push({ line: startLine, fields });
    }
    this.buf = pos >= n ? "" : s.slice(pos);
    return out;
  }
}

function countLf(s: string, from: number, to: number): number {
  let c = 0;
  for (let i = s.indexOf("\n", from); i >= 0 && i < to; i = s.indexOf("\n", i + 1)) c++;
  return c;
}

/** Quotes a field when it needs it (comma, quote, newline, or leading/trailing space). */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return values.map(csvField).join(",") + "\n";
}

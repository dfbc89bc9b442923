import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chaptersVtt, vttTime } from './chapters-vtt.js';
import { toCsv } from './csv.js';

describe('WebVTT chapters', () => {
  it('writes times as HH:MM:SS.mmm, hours beyond 99 with more digits', () => {
    expect(vttTime(0)).toBe('00:00:00.000');
    expect(vttTime(3_723_004)).toBe('01:02:03.004');
    expect(vttTime(100 * 3_600_000 + 59_999)).toBe('100:00:59.999');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 3_600_000 }), (ms) => {
        const match = /^(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(vttTime(ms))!;
        const [h, m, s, milli] = match.slice(1).map(Number) as [number, number, number, number];
        expect(((h * 60 + m) * 60 + s) * 1000 + milli).toBe(ms);
      }),
    );
  });

  it('escapes what would end or mark up a cue', () => {
    const vtt = chaptersVtt([
      { id: 'vote-a', kind: 'vote', startMs: 0, endMs: 1000, text: 'A & B <i>x</i> -->\nnext' },
    ]);
    expect(vtt).toBe(
      'WEBVTT\n\nvote-a\n00:00:00.000 --> 00:00:01.000\nA &amp; B &lt;i&gt;x&lt;/i&gt; --&gt; next\n',
    );
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and any line break, with CRLF records and a BOM', () => {
    const csv = toCsv<{ a: string; b: boolean; c: number | null }>(
      ['a', 'b', 'c'],
      [
        { a: 'x, "y"', b: true, c: 1 },
        { a: 'line\nbreak', b: false, c: null },
      ],
    );
    expect(csv).toBe('\uFEFFa,b,c\r\n"x, ""y""",yes,1\r\n"line\nbreak",no,\r\n');
  });

  it('writes the header of an empty table', () => {
    expect(toCsv<{ a: string }>(['a'], [])).toBe('\uFEFFa\r\n');
  });
});

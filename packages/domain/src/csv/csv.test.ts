import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './index';

describe('CSV', () => {
  it('quotes a cell only when it must, doubling its quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(-2.5)).toBe("'-2.5");
  });

  it('defuses formulas: a leading = + - @ tab or CR becomes text', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Only a leading character counts.
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('writes a table with a BOM and CRLF line ends, header cells escaped too', () => {
    expect(toCsv(['id', 'name'], [['a', '=1']])).toBe("\uFEFFid,name\r\na,'=1\r\n");
    expect(toCsv(['x'], [])).toBe('\uFEFFx\r\n');
    expect(toCsv(['a,b'], [[null]])).toBe('\uFEFF"a,b"\r\n\r\n');
  });
});

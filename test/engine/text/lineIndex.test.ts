import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../../server/src/engine';

describe('LineIndex', () => {
  test('converts offsets and positions both ways across LF, CRLF and CR line ends', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = lines.positionAt(offset);
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF: not a position of its own
      assert.equal(lines.offsetAt(position), offset, `offset ${offset}`);
    }
    assert.deepEqual(lines.positionAt(text.indexOf('e')), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('h')), { line: 3, character: 1 });
  });

  test('counts UTF-16 code units, as LSP does by default', () => {
    const text = 'é😀x\ny';
    assert.deepEqual(new LineIndex(text).positionAt(text.indexOf('x')), { line: 0, character: 3 });
  });

  test('clamps positions past the end', () => {
    const lines = new LineIndex('a\nb');
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 3);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 1);
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 1 });
  });
});

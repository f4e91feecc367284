// The text edit behind "Ignore PPxxx in this file": everything but the added entry stays byte for byte.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addPerFileIgnore } from '../server/src/pyproject-edit';

describe('addPerFileIgnore', () => {
  it('adds to an existing entry, keeping its trailing comment', () => {
    const text = '[tool.pythonic.per-file-ignores]\n"a.py" = ["PP401"]  # legacy\n"b.py" = []\n';
    assert.equal(addPerFileIgnore(text, 'a.py', 'PP204'), '[tool.pythonic.per-file-ignores]\n"a.py" = ["PP401", "PP204"]  # legacy\n"b.py" = []\n');
    assert.equal(addPerFileIgnore(text, 'b.py', 'PP204'), '[tool.pythonic.per-file-ignores]\n"a.py" = ["PP401"]  # legacy\n"b.py" = ["PP204"]\n');
  });

  it('adds a new entry after the last one of the table, before comments that lead into the next table', () => {
    const text = '[tool.pythonic.per-file-ignores]\n"a.py" = ["PP401"]\n\n# next\n[tool.other]\n';
    assert.equal(addPerFileIgnore(text, 'pkg/c.py', 'PP2'), '[tool.pythonic.per-file-ignores]\n"a.py" = ["PP401"]\n"pkg/c.py" = ["PP2"]\n\n# next\n[tool.other]\n');
  });

  it('keeps CRLF line breaks, and appends the table to a file without [tool.pythonic]', () => {
    assert.equal(addPerFileIgnore('[project]\r\nname = "x"\r\n', 'a.py', 'PP401'), '[project]\r\nname = "x"\r\n\r\n[tool.pythonic.per-file-ignores]\r\n"a.py" = ["PP401"]\r\n');
  });

  it('declines what it cannot edit safely: already ignored, not TOML, an inline table, a list over several lines', () => {
    assert.equal(addPerFileIgnore('[tool.pythonic.per-file-ignores]\n"a.py" = ["PP401"]\n', 'a.py', 'PP401'), null);
    assert.equal(addPerFileIgnore('[tool.pythonic\n', 'a.py', 'PP401'), null);
    assert.equal(addPerFileIgnore('[tool.pythonic]\nper-file-ignores = { "b.py" = ["PP401"] }\n', 'a.py', 'PP401'), null);
    assert.equal(addPerFileIgnore('[tool.pythonic.per-file-ignores]\n"a.py" = [\n  "PP401",\n]\n', 'a.py', 'PP204'), null);
  });
});

import { describe, expect, it } from 'vitest';
import { formatFields, formatTable, printResult } from './output';

describe('formatTable', () => {
  it('pads columns to the widest cell and upper-cases headers', () => {
    expect(formatTable(['id', 'name'], [['r1', 'Trading floor'], ['room-22', 'Ops']])).toEqual([
      'ID       NAME',
      'r1       Trading floor',
      'room-22  Ops',
    ]);
  });

  it('renders booleans, lists and nulls readably and keeps each row on one line', () => {
    const lines = formatTable(['a', 'b', 'c', 'd'], [[true, ['x', 'y'], null, 'two\nlines']]);
    expect(lines[1]).toBe('yes  x,y     two lines');
    expect(lines).toHaveLength(2);
  });

  it('says (none) for no rows', () => {
    expect(formatTable(['id'], [])).toEqual(['(none)']);
  });
});

describe('formatFields', () => {
  it('aligns values after the keys', () => {
    expect(formatFields([['id', 'c1'], ['description', 'x'], ['chat history', false]])).toEqual([
      'id:           c1',
      'description:  x',
      'chat history: no',
    ]);
  });
});

describe('printResult', () => {
  const capture = () => {
    let text = '';
    return { writer: { write: (chunk: string) => (text += chunk) }, text: () => text };
  };

  it('prints only JSON with --json, so stdout parses', () => {
    const out = capture();
    printResult(out.writer, { json: { removed: 3 }, lines: ['removed 3 messages'] }, true);
    expect(JSON.parse(out.text())).toEqual({ removed: 3 });
  });

  it('prints the lines otherwise', () => {
    const out = capture();
    printResult(out.writer, { json: {}, lines: ['one', 'two'] }, false);
    expect(out.text()).toBe('one\ntwo\n');
  });
});

import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { curveBetween, edgeAnchors, labelPoint, labelSize } from './edge-geometry';

const card = (x: number, y: number) => ({ x, y, width: 220, height: 64 });

describe('where lines meet the cards', () => {
  it('goes right to left when the next card stands to the right', () => {
    expect(edgeAnchors(card(0, 0), card(300, 0))).toBeNull();
  });
  it('goes down from the side to the top when the next card overlaps in x, lower down', () => {
    const [from, to] = edgeAnchors(card(0, 0), card(110, 152))!;
    expect(from.position).toBe(Position.Right);
    expect(to).toMatchObject({ position: Position.Top, y: 152 });
  });
  it('goes up from the top to the bottom when the next card is above, nearly straight over', () => {
    const [from, to] = edgeAnchors(card(100, 200), card(0, 0))!;
    expect(from).toMatchObject({ position: Position.Top, y: 200 });
    expect(to).toMatchObject({ position: Position.Bottom, y: 64 });
  });
});

describe("a connection's label", () => {
  it('sits in the middle of its line when nothing is in the way', () => {
    const { at } = curveBetween(
      { x: 0, y: 0, position: Position.Right },
      { x: 200, y: 0, position: Position.Left },
    );
    expect(labelPoint(at, { width: 60, height: 20 }, [])).toEqual(at(0.5));
  });
  it('moves along its line to hide no card', () => {
    const { at } = curveBetween(
      { x: 0, y: 0, position: Position.Bottom },
      { x: 0, y: 400, position: Position.Top },
    );
    const inTheMiddle = { x: -110, y: 170, width: 220, height: 64 };
    const p = labelPoint(at, { width: 100, height: 22 }, [inTheMiddle]);
    expect(p.y + 11 <= 170 || p.y - 11 >= 234).toBe(true);
  });
  it('is estimated generously and wraps past its widest', () => {
    expect(labelSize('Brudt').width).toBeGreaterThan(50);
    expect(labelSize('Blandet · 18 dage · henvisning').height).toBeGreaterThan(30);
  });
});

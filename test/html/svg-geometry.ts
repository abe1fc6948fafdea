import { expect } from 'vitest';
import { textWidth } from '../../src/html/timeline-svg.js';

/** A rectangle in viewBox units. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** What it is, for messages. */
  what: string;
}

interface Shape {
  tag: string;
  cls: string;
  attrs: Record<string, string>;
  text: string;
}

/** Every element of the picture that has a class, with its attributes and own text. */
function shapes(svg: string): Shape[] {
  const found: Shape[] = [];
  for (const m of svg.matchAll(/<(\w+) class="([^"]+)"([^>]*?)(\/?)>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    let text = '';
    if (m[4] !== '/') {
      const rest = svg.slice((m.index ?? 0) + m[0].length);
      text = rest
        .slice(0, rest.indexOf(`</${m[1]}>`))
        .replace(/<title>.*?<\/title>/, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'");
    }
    found.push({ tag: m[1]!, cls: m[2]!, attrs, text });
  }
  return found;
}

const n = (s: Shape, name: string) => Number(s.attrs[name]);

/** The box of every event marker: circles and pills of single events, pills of ranges. */
export function markerBoxes(svg: string): Box[] {
  return shapes(svg)
    .filter((s) => s.cls === 'tl-event' || s.cls === 'tl-event-range')
    .map((s) =>
      s.tag === 'circle'
        ? {
            left: n(s, 'cx') - n(s, 'r'),
            right: n(s, 'cx') + n(s, 'r'),
            top: n(s, 'cy') - n(s, 'r'),
            bottom: n(s, 'cy') + n(s, 'r'),
            what: `circle@${s.attrs.cx}`,
          }
        : {
            left: n(s, 'x'),
            right: n(s, 'x') + n(s, 'width'),
            top: n(s, 'y'),
            bottom: n(s, 'y') + n(s, 'height'),
            what: `${s.cls}@${s.attrs.x}`,
          },
    );
}

const labelClasses = ['tl-decision-label', 'tl-overrun-label', 'tl-ongoing-label', 'tl-phase-label', 'tl-tick', 'tl-day', 'tl-row-label'];

/** The box of every text label (not the numbers inside markers), from the width estimate the picture uses. */
export function labelBoxes(svg: string): Box[] {
  return shapes(svg)
    .filter((s) => s.tag === 'text' && labelClasses.includes(s.cls))
    .map((s) => {
      const size = Number(s.attrs['font-size'] ?? 11);
      const bold = s.attrs['font-weight'] === '600' || s.attrs['font-weight'] === '700';
      const w = textWidth(s.text, size, bold);
      const x = n(s, 'x');
      const anchor = s.attrs['text-anchor'] ?? 'start';
      const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
      return { left, right: left + w, top: n(s, 'y') - 0.75 * size, bottom: n(s, 'y') + 0.2 * size, what: `${s.cls} "${s.text}"` };
    });
}

/** Vertical line pieces: the decision lines, and the lines from markers down to their events. */
export function lines(svg: string): { x1: number; y1: number; x2: number; y2: number; what: string }[] {
  const out: { x1: number; y1: number; x2: number; y2: number; what: string }[] = [];
  for (const s of shapes(svg)) {
    if (s.cls === 'tl-decision') out.push({ x1: n(s, 'x1'), y1: n(s, 'y1'), x2: n(s, 'x2'), y2: n(s, 'y2'), what: 'decision line' });
    if (s.cls === 'tl-event-line') {
      const points = (s.attrs.points ?? '').split(' ').map((p) => p.split(',').map(Number) as [number, number]);
      for (let i = 1; i < points.length; i++) {
        out.push({
          x1: points[i - 1]![0],
          y1: points[i - 1]![1],
          x2: points[i]![0],
          y2: points[i]![1],
          what: `marker line @${points[0]![0]}`,
        });
      }
    }
  }
  return out;
}

const overlap = (a: Box, b: Box, slack = 0.01) =>
  a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;

/** True when the segment passes through the inside of the box (touching its edge is not crossing). */
function crosses(l: { x1: number; y1: number; x2: number; y2: number }, b: Box): boolean {
  const steps = 20;
  for (let i = 0; i <= steps; i++) {
    const x = l.x1 + ((l.x2 - l.x1) * i) / steps;
    const y = l.y1 + ((l.y2 - l.y1) * i) / steps;
    if (x > b.left + 0.5 && x < b.right - 0.5 && y > b.top + 0.5 && y < b.bottom - 0.5) return true;
  }
  return false;
}

/** Every event number the picture shows, from single markers ("7") and ranges ("4–7", "3, 9"), sorted. */
export function numbersDrawn(svg: string): number[] {
  return shapes(svg)
    .filter((s) => s.cls === 'tl-event-number')
    .flatMap((s) =>
      s.text.split(', ').flatMap((part) => {
        const [a, b] = part.split('–').map(Number);
        return Array.from({ length: (b ?? a!) - a! + 1 }, (_, i) => a! + i);
      }),
    )
    .sort((a, b) => a - b);
}

/** Texts of the elements of a class. */
export function texts(svg: string, cls: string): string[] {
  return shapes(svg)
    .filter((s) => s.cls === cls)
    .map((s) => s.text);
}

/**
 * The picture's promises, measured: each of `events` numbers once, no two markers overlap, no label
 * covers a marker or another label, and no line runs through a marker or a label.
 */
export function expectClearPicture(svg: string, events: number, context = ''): void {
  expect(numbersDrawn(svg), `${context}: every event number exactly once`).toEqual(Array.from({ length: events }, (_, i) => i + 1));
  const markers = markerBoxes(svg);
  const labels = labelBoxes(svg);
  for (let i = 0; i < markers.length; i++) {
    for (let j = i + 1; j < markers.length; j++) {
      expect(overlap(markers[i]!, markers[j]!), `${context}: ${markers[i]!.what} overlaps ${markers[j]!.what}`).toBe(false);
    }
  }
  for (const label of labels) {
    for (const marker of markers) expect(overlap(label, marker), `${context}: ${label.what} covers ${marker.what}`).toBe(false);
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      expect(overlap(labels[i]!, labels[j]!, 0.5), `${context}: ${labels[i]!.what} touches ${labels[j]!.what}`).toBe(false);
    }
  }
  for (const line of lines(svg)) {
    for (const box of [...markers, ...labels]) expect(crosses(line, box), `${context}: ${line.what} crosses ${box.what}`).toBe(false);
  }
}

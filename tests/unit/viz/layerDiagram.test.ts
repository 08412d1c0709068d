// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { blockSize, createLayerDiagram, describeBlock, type DiagramLayer } from '../../../src/viz/layerDiagram';

const LAYERS: DiagramLayer[] = [
  { id: 'in', name: 'input', kind: 'input', shape: [227, 227, 3] },
  { id: 'c1', name: 'conv1', kind: 'conv', detail: '11×11 /4', shape: [55, 55, 96] },
  { id: 'p1', name: 'pool1', kind: 'pool', detail: 'max 3×3 /2', shape: [27, 27, 96] },
  { id: 'c2', name: 'conv2', kind: 'conv', detail: '5×5 /1', shape: [27, 27, 256], groups: 2 },
  { id: 'f6', name: 'fc6', kind: 'fc', shape: [4096] },
  { id: 'sm', name: 'prob', kind: 'softmax', shape: [1000] },
];

let el: HTMLDivElement;
afterEach(() => el?.remove());
function mount(): HTMLDivElement {
  el = document.createElement('div');
  document.body.appendChild(el);
  return el;
}

describe('createLayerDiagram', () => {
  it('draws one labelled, focusable block per layer, grouped layers as two halves', () => {
    const d = createLayerDiagram(mount(), { layers: LAYERS, label: 'Test net' });
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('list');
    expect(svg.getAttribute('aria-label')).toBe('Test net');
    const blocks = [...el.querySelectorAll('g.layer-block')];
    expect(blocks).toHaveLength(6);
    expect(blocks.map((b) => b.querySelector('.block-name')!.textContent)).toEqual(['input', 'conv1', 'pool1', 'conv2', 'fc6', 'prob']);
    expect(blocks[1].querySelector('.block-detail')!.textContent).toBe('11×11 /4');
    expect(blocks[1].querySelector('.block-shape')!.textContent).toBe('55×55×96');
    expect(blocks[4].querySelector('.block-shape')!.textContent).toBe('4096');
    expect(blocks.every((b) => b.getAttribute('tabindex') === '0' && b.getAttribute('role') === 'listitem')).toBe(true);
    expect(blocks[3].querySelectorAll('rect.block.half')).toHaveLength(2);
    expect(blocks[1].querySelectorAll('rect.block')).toHaveLength(1);
    expect(blocks[3].getAttribute('aria-label')).toBe('conv2: convolution, 5×5 /1, two groups, output 27×27×256');
    expect(el.querySelectorAll('.arrows line')).toHaveLength(5);
    d.destroy();
    expect(el.querySelector('svg')).toBeNull();
  });

  it('hover and focus highlight a block and tell the host; highlight() marks one from outside', () => {
    const seen: (string | null)[] = [];
    const d = createLayerDiagram(mount(), { layers: LAYERS, label: 'Test net', onHighlight: (id) => seen.push(id) });
    const block = (id: string) => el.querySelector(`g[data-layer="${id}"]`)!;
    block('c1').dispatchEvent(new MouseEvent('mouseenter'));
    expect(block('c1').classList.contains('highlighted')).toBe(true);
    block('c1').dispatchEvent(new MouseEvent('mouseleave'));
    expect(block('c1').classList.contains('highlighted')).toBe(false);
    block('f6').dispatchEvent(new FocusEvent('focus'));
    expect(block('f6').classList.contains('highlighted')).toBe(true);
    expect(seen).toEqual(['c1', null, 'f6']);
    d.highlight('p1');
    expect([...el.querySelectorAll('g.highlighted')].map((g) => g.getAttribute('data-layer'))).toEqual(['p1']);
    d.update(LAYERS.slice(0, 3));
    expect(el.querySelectorAll('g.layer-block')).toHaveLength(3);
    expect(block('p1').classList.contains('highlighted')).toBe(true);
    d.destroy();
  });

  it('sizes grow with side and channels; vectors are thin bars', () => {
    expect(blockSize({ shape: [227, 227, 3] }).h).toBeGreaterThan(blockSize({ shape: [13, 13, 3] }).h);
    expect(blockSize({ shape: [13, 13, 384] }).w).toBeGreaterThan(blockSize({ shape: [13, 13, 96] }).w);
    expect(blockSize({ shape: [4096] }).w).toBe(12);
    expect(describeBlock(LAYERS[4])).toBe('fc6: fully connected, output 4096');
  });
});

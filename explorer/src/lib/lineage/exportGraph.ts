/**
 * Exports the drawn graph as a standalone SVG (theme colours resolved, so it reads outside the page) or as a PNG
 * rendered from it at twice the size.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(document.documentElement);
  const vars = [...new Set((svg.outerHTML.match(/var\(--[a-z0-9-]+\)/g) ?? []).map((v) => v.slice(4, -1)))];
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  const css = [
    `:root, svg { ${vars.map((v) => `${v}: ${style.getPropertyValue(v).trim()};`).join(' ')} }`,
    'svg { font-family: system-ui, sans-serif; background: var(--panel); }',
    '.edges path { fill: none; stroke: var(--muted); opacity: 0.55; } .edges path.money { stroke-dasharray: 5 3; }',
    '.edges path.hl { stroke: var(--danger); opacity: 1; } .node rect { fill: var(--panel); stroke-width: 1.5; }',
    '.tag { font-size: 10px; fill: var(--muted); font-weight: 700; } .lbl { font-size: 12px; fill: var(--fg); }',
  ].join('\n');
  const s = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  s.textContent = css;
  clone.insertBefore(s, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

function download(name: string, href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  download(`${name}.svg`, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(svg))}`);
}

export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  const text = standaloneSvg(svg);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width * 2;
  canvas.height = img.height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0);
  download(`${name}.png`, canvas.toDataURL('image/png'));
}

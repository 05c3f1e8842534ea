/** Small helpers for building the page's elements. */

type Child = Node | string | null | undefined | false;

/** An element with attributes (a `false`/undefined attribute is left out) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** The element with this id; throws when the page lacks it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no element #${id}`);
  return element as T;
}

/** A file name made of the words of a title. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario'
  );
}

/**
 * Paragraphs and bullet lists from a doc comment's text: wrapped lines are
 * joined, lines starting with "- " start a bullet.
 */
export function proseBlocks(text: string): Node[] {
  const nodes: Node[] = [];
  let paragraph: string[] = [];
  let list: HTMLUListElement | null = null;
  let bullet: string[] | null = null;
  const endBullet = (): void => {
    if (bullet && list) list.append(el('li', {}, bullet.join(' ')));
    bullet = null;
  };
  const endParagraph = (): void => {
    if (paragraph.length > 0) nodes.push(el('p', {}, paragraph.join(' ')));
    paragraph = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('- ')) {
      endParagraph();
      endBullet();
      if (list === null) {
        list = el('ul');
        nodes.push(list);
      }
      bullet = [line.slice(2)];
    } else if (line === '') {
      endBullet();
      endParagraph();
      list = null;
    } else if (bullet) bullet.push(line);
    else paragraph.push(line);
  }
  endBullet();
  endParagraph();
  return nodes;
}

/**
 * Each item's picture for the player, taken from the page: from the routine's card on a routine
 * page, or from a <template data-player-figure> (the plan and ladder pages). A copy's ids get the
 * `player-` prefix (only one picture is shown at a time, so each id stays unique in the page).
 */

/**
 * Gives every id under `root` a prefix, and the references to them (`url(#…)`, aria and `href="#…"`).
 * @param {Element} root
 * @param {string} prefix
 */
function prefixIds(root, prefix) {
  /** @type {Map<string, string>} */
  const ids = new Map();
  const all = [root, ...root.querySelectorAll("*")];
  for (const node of all) {
    if (!node.id) continue;
    ids.set(node.id, prefix + node.id);
    node.id = prefix + node.id;
  }
  const lists = ["aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-details", "aria-flowto", "for", "headers"];
  for (const node of all) {
    for (const attr of [...node.attributes]) {
      if (attr.name === "id") continue;
      let value = attr.value.replace(/url\(\s*#([^)\s]+)\s*\)/g, (whole, id) => (ids.has(id) ? `url(#${ids.get(id)})` : whole));
      if (lists.includes(attr.name)) value = value.split(/\s+/).map((token) => ids.get(token) ?? token).join(" ");
      if ((attr.localName === "href") && value.startsWith("#") && ids.has(value.slice(1))) value = `#${ids.get(value.slice(1))}`;
      if (value !== attr.value) node.setAttributeNS(attr.namespaceURI, attr.name, value);
    }
  }
}

export class Figures {
  /**
   * @param {"templates" | "card"} from where the pictures are
   * @param {string} routine the routine's id (its card is `#card-<routine>`)
   * @param {{id: string, figure?: string}[]} items `figure`: the name of its picture's template
   *   (a variant's own, `<item>--<variant>`), else its id
   */
  constructor(from, routine, items) {
    this.from = from;
    this.routine = routine;
    this.items = items;
    /** @type {Map<number, Element | null>} */
    this.found = new Map();
  }

  /** The picture of item `index`, or null. @param {number} index @returns {Element | null} */
  of(index) {
    if (this.found.has(index)) return /** @type {Element | null} */ (this.found.get(index));
    const item = this.items[index];
    /** @type {Element | null} */
    let picture = null;
    try {
      if (this.from === "templates") {
        const template = document.querySelector(`template[data-player-figure="${CSS.escape(item.figure || item.id)}"]`);
        if (template instanceof HTMLTemplateElement) picture = /** @type {Element | null} */ (template.content.firstElementChild?.cloneNode(true) ?? null);
      } else {
        const source = document.querySelector(`#card-${CSS.escape(this.routine)} .card-item:nth-child(${index + 1}) .card-figure`);
        const art = source && source.firstElementChild;
        if (art) {
          picture = /** @type {Element} */ (art.cloneNode(true));
          prefixIds(picture, "player-");
        }
      }
    } catch {
      picture = null;
    }
    this.found.set(index, picture);
    return picture;
  }
}

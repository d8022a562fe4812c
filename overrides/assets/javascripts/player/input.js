/**
 * How the runner's presses and keys reach the player. A click on a control does what its
 * `data-act` says; in tap mode a tap anywhere else on the screen counts a repetition. Keys: Space
 * and Enter belong to the focused control (in tap mode Space counts the repetition on the tap
 * button, on "Finish now" it finishes, as the browser presses the button); elsewhere in the
 * running player Space pauses and carries on, and the arrow keys go back and skip.
 */
import { back, end, skip } from "./core/player.js";

/** @typedef {import("./dialog.js").Player} Player */

const CONTROLS = "button, a, input, select, textarea, label, summary";

/** @param {Element | null} target @returns {boolean} */
const isField = (target) => target instanceof Element && target.matches("input, select, textarea");

/**
 * Whether a key press on `target` belongs to a control of its own.
 * @param {Player} player @param {EventTarget | null} target
 */
function onControl(player, target) {
  return target instanceof Element && target !== player.dialog && target.closest(CONTROLS) !== null;
}

/** @param {Player} player @param {MouseEvent} event */
function click(player, event) {
  const target = event.target instanceof Element ? event.target : null;
  const button = target && target.closest("button[data-act]");
  const act = button && button.getAttribute("data-act");
  if (act === "pause") player.togglePause();
  else if (act === "skip") player.act(skip);
  else if (act === "back") player.act(back);
  else if (act === "end") player.act(end);
  else if (act === "tap") player.countRep();
  else if (act === "close") player.close();
  else if (target === player.closeButton) player.requestClose();
  else if (player.screen === "running" && target && !target.closest(CONTROLS) && player.dialog.getAttribute("data-tap") === "true") {
    player.countRep(); // tap anywhere on the screen
  }
}

/** @param {Player} player @param {KeyboardEvent} event */
function key(player, event) {
  if (player.screen !== "running" || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target instanceof Element ? event.target : null;
  if (isField(target)) return;
  if (event.key === " ") {
    if (onControl(player, target)) return; // the browser presses the focused control
    event.preventDefault();
    if (!event.repeat) player.togglePause();
  } else if (event.key === "ArrowRight") {
    event.preventDefault();
    player.act(skip);
  } else if (event.key === "ArrowLeft") {
    event.preventDefault();
    player.act(back);
  }
}

/** Wire the player's dialog to its presses and keys. @param {Player} player */
export function listen(player) {
  const dialog = player.dialog;
  dialog.addEventListener("click", (event) => click(player, event));
  dialog.addEventListener("keydown", (event) => key(player, event));
  dialog.addEventListener("keyup", (event) => {
    if (player.screen === "running" && event.key === " " && !onControl(player, event.target)) event.preventDefault();
  });
}

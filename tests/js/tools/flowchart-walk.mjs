// Reads {graph, paths} as JSON on stdin and prints, for each path, what flowchart/core/flowchart.js makes of
// it: the node reached, the plan, and the hash round trip. tests/test_js_parity.py compares that
// with generator/plan.py on every path of the shipped flowchart.
import { decode, hashOf, walk } from "../../../overrides/assets/javascripts/flowchart/core/flowchart.js";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { graph, paths } = JSON.parse(input);
const out = paths.map((/** @type {any[]} */ path) => {
  const result = walk(graph, path);
  return { id: result.id, plan: result.plan, decoded: decode(graph, hashOf(path)) };
});
process.stdout.write(JSON.stringify(out));

// Every string a browser script holds that a reader could see, as JSON lines {file, line, text}:
// string and template literals, read with TypeScript's own parser (no guessing at quotes and
// regular expressions), leaving out what is thrown as an Error (a script's own bug, never shown)
// and the arguments of querySelector-like calls (CSS selectors). tests/test_no_words_in_code.py
// decides which of them are words.
import { readFileSync } from "node:fs";
import ts from "typescript";

const SELECTORS = new Set(["querySelector", "querySelectorAll", "closest", "matches"]);

for (const file of process.argv.slice(2)) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const visit = (node) => {
    if (ts.isThrowStatement(node)) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SELECTORS.has(node.expression.name.text)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      out(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" "));
    }
    ts.forEachChild(node, visit);
  };
  const out = (node, text) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    process.stdout.write(JSON.stringify({ file, line: line + 1, text }) + "\n");
  };
  visit(source);
}

// valuenet-kb's Cypher editor: CodeMirror 6 with Neo4j's Cypher language support, bundled
// into one script the panel loads from itself (its Content-Security-Policy allows no other).
import { createCypherEditor } from "@neo4j-cypher/codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";

window.vnCypher = {
  // Create an editor in `parent` holding `value`; `onRun` runs on Ctrl/Cmd+Enter.
  create: function (parent, value, schema, onRun) {
    var runKeys = Prec.highest(keymap.of([{ key: "Mod-Enter", run: function () { onRun(); return true; } }]));
    return createCypherEditor(parent, {
      value: value, schema: schema, lint: true, autocomplete: true, lineNumbers: true,
      lineWrapping: true, theme: "light", preExtensions: [runKeys]
    }).editor;  // the editor API (getValue is not in it: follow onValueChanged)
  }
};

// valuenet-kb panel: small progressive enhancements. Pages work without JavaScript.
"use strict";

// Show "Working…" while a form that may take a while (what-if, audits) is submitted.
document.querySelectorAll("form[data-working]").forEach(function (form) {
  form.addEventListener("submit", function () {
    var w = form.querySelector(".working");
    if (w) { w.hidden = false; }
    form.setAttribute("aria-busy", "true");
  });
});

// The signed-in person's form token (base.html puts it in a meta tag), for writes by fetch.
function vnCsrf() {
  var m = document.querySelector("meta[name='csrf-token']");
  return m ? m.content : "";
}

var LABEL_COLOURS = {
  Actor: "#2c5d8a", Product: "#1a9850", Component: "#d73027", Agreement: "#984ea3",
  Funding: "#ff7f00", Decision: "#a6761d"
};

function vnCytoscape(container, elements) {
  // One graph renderer for entity neighbourhoods and console results.
  return cytoscape({
    container: container,
    elements: elements,
    wheelSensitivity: 0.3, maxZoom: 1.6, minZoom: 0.1,
    style: [
      { selector: "node", style: {
        "label": "data(name)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 4,
        "background-color": function (n) { return LABEL_COLOURS[n.data("label")] || "#777"; },
        "width": 18, "height": 18 } },
      { selector: "node[?root]", style: { "width": 28, "height": 28, "border-width": 3,
        "border-color": "#111" } },
      { selector: "edge", style: {
        "label": "data(type)", "font-size": 8, "curve-style": "bezier", "width": 1.5,
        "target-arrow-shape": "triangle", "line-color": "#aab", "target-arrow-color": "#aab",
        "color": "#667" } }
    ],
    layout: { name: "cose", animate: false, padding: 20 }
  });
}

function vnGraph(initialDepth) {
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") { return; }
  var select = document.getElementById("graph-depth");
  if (initialDepth && select) { select.value = String(initialDepth); }
  function load() {
    var depth = select ? select.value : 1;
    fetch("/graph.json?id=" + encodeURIComponent(box.dataset.id) + "&depth=" + depth,
          { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (g) {
        var els = g.nodes.map(function (n) {
          return { data: { id: n.id, name: n.name, label: n.label, url: n.url, root: n.depth === 0 } };
        }).concat(g.edges.map(function (e, i) {
          return { data: { id: "e" + i, source: e.source, target: e.target, type: e.type } };
        }));
        box.innerHTML = "";
        var cy = vnCytoscape(box, els);
        cy.on("tap", "node", function (evt) {
          var url = evt.target.data("url");
          if (url) { window.location.href = url; }
        });
        box.dataset.nodes = String(g.nodes.length);
        box.dataset.ready = "1";
      });
  }
  if (select) { select.addEventListener("change", load); }
  load();
}

function vnProps(props, limit) {
  // Properties as `{key: value, ...}`, id and name first, then by name; the first `limit`
  // of them (all when no limit).
  var keys = Object.keys(props || {}).sort(function (a, b) {
    var rank = function (k) { return k === "id" ? 0 : k === "name" ? 1 : 2; };
    return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  });
  var shown = keys.slice(0, limit || keys.length).map(function (k) { return k + ": " + JSON.stringify(props[k]); });
  if (limit && keys.length > limit) { shown.push("…"); }
  return "{" + shown.join(", ") + "}";
}

function vnCell(v, full) {
  // A console value in one cell: nodes and relationships with their properties (the first
  // four; every one when `full`, as in the cell's title and the CSV).
  if (v === null || v === undefined) { return ""; }
  if (typeof v === "object") {
    if (v._type === "node") { return "(:" + v.labels.join(":") + " " + vnProps(v.properties, full ? 0 : 4) + ")"; }
    if (v._type === "relationship") { return "[:" + v.type + (Object.keys(v.properties || {}).length ? " " + vnProps(v.properties, full ? 0 : 4) : "") + "]"; }
    if (v._type === "path") { return v.nodes.map(function (n) { return vnCell(n, full); }).join("-"); }
    return JSON.stringify(v);
  }
  return String(v);
}

function vnConsole() {
  document.getElementById("console").addEventListener("submit", function (e) { e.preventDefault(); });
  // The editor: CodeMirror 6 with Neo4j's Cypher support (vendor/cypher-editor), which
  // completes this knowledge base's labels, types and keys and marks syntax errors as you type.
  var area = document.getElementById("cypher");
  var box = document.createElement("div"); box.id = "cypher-editor";
  area.parentNode.insertBefore(box, area); area.hidden = true;
  var current = area.value, listeners = [];
  var api = window.vnCypher.create(box, current, {}, function () { run(false); });
  var content = box.querySelector(".cm-content");
  if (content) { content.setAttribute("aria-label", "Cypher query"); }
  api.onValueChanged(function (value) {
    current = value; area.value = value;
    listeners.forEach(function (f) { f(); });
  });
  var editor = {
    getValue: function () { return current; },
    setValue: function (v) { api.setValue(v); current = v; area.value = v; listeners.forEach(function (f) { f(); }); },
    on: function (event, f) { if (event === "change") listeners.push(f); },
    focus: function () { api.focus(); }
  };
  window.vnEditor = editor;
  function loadSchema() {
    fetch("/query/schema.json", { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (schema) { if (schema) { api.setSchema(schema); box.dataset.schema = "loaded"; } });
  }
  loadSchema();
  window.addEventListener("focus", loadSchema);  // the data may have changed meanwhile
  var last = null;
  // History: kept by the panel per browser (GET /query/history.json), failed queries
  // included; each entry links to a URL that opens and re-runs it.
  var searchBox = document.getElementById("history-search");
  function showHistory() {
    var q = searchBox ? searchBox.value : "";
    fetch("/query/history.json?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { entries: [] }; })
      .then(function (body) {
        var ol = document.getElementById("history");
        ol.innerHTML = "";
        body.entries.forEach(function (h) {
          var li = document.createElement("li");
          li.className = h.outcome === "ok" ? "ok-entry" : "failed-entry";
          var a = document.createElement("a");
          a.href = h.url; a.textContent = h.cypher;
          var note = document.createElement("span"); note.className = "muted";
          note.textContent = " " + (h.outcome === "ok" ? h.rows + " row(s)" : h.outcome + " (" + h.status + ")") + ", " + h.at.replace("T", " ").replace("+00:00", " UTC");
          li.appendChild(a); li.appendChild(note); ol.appendChild(li);
        });
      });
  }
  if (searchBox) {
    var searchTimer = null;
    searchBox.addEventListener("input", function () { clearTimeout(searchTimer); searchTimer = setTimeout(showHistory, 200); });
  }
  // Parameters: every $name in the query gets a typed field; values are kept per query.
  var fields = document.getElementById("param-fields");
  var paramsBox = document.getElementById("params");
  function queryParams(text) {
    var bare = text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, " ")
                   .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`/g, " ");
    var seen = [], re = /\$([A-Za-z_][A-Za-z0-9_]*)/g, m;
    while ((m = re.exec(bare))) { if (seen.indexOf(m[1]) < 0) seen.push(m[1]); }
    return seen;
  }
  function storeKey() { return "vn-params:" + editor.getValue().trim(); }
  function typed(type, raw) {
    if (type === "number") { var n = Number(raw); if (raw === "" || isNaN(n)) throw new Error("not a number: " + raw); return n; }
    if (type === "boolean") return raw === "true";
    if (type === "list") { var l = JSON.parse(raw || "[]"); if (!Array.isArray(l)) throw new Error("not a JSON list: " + raw); return l; }
    if (type === "date" && raw && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new Error("not a YYYY-MM-DD date: " + raw);
    return raw;
  }
  function fromFields() {
    var out = {};
    fields.querySelectorAll(".param").forEach(function (row) {
      var name = row.dataset.name;
      out[name] = typed(row.querySelector("select").value, row.querySelector("input").value);
    });
    return out;
  }
  function saveFields() {
    var saved = {};
    fields.querySelectorAll(".param").forEach(function (row) {
      saved[row.dataset.name] = { type: row.querySelector("select").value, value: row.querySelector("input").value };
    });
    localStorage.setItem(storeKey(), JSON.stringify(saved));
    try { paramsBox.value = JSON.stringify(fromFields()); } catch (e) { /* shown on run */ }
  }
  function showFields() {
    var names = queryParams(editor.getValue());
    var saved = JSON.parse(localStorage.getItem(storeKey()) || "{}");
    var given = {};
    try { given = JSON.parse(paramsBox.value || "{}"); } catch (e) { given = {}; }
    var old = {};
    fields.querySelectorAll(".param").forEach(function (row) {
      old[row.dataset.name] = { type: row.querySelector("select").value, value: row.querySelector("input").value };
    });
    fields.querySelectorAll(".param").forEach(function (row) { row.remove(); });
    names.forEach(function (name) {
      var was = old[name] || saved[name] || (name in given ? { type: typeof given[name] === "number" ? "number" : Array.isArray(given[name]) ? "list" : "text",
                                                                value: Array.isArray(given[name]) ? JSON.stringify(given[name]) : String(given[name]) } : { type: "text", value: "" });
      var row = document.createElement("div"); row.className = "param"; row.dataset.name = name;
      var label = document.createElement("label"); label.textContent = "$" + name + " ";
      var input = document.createElement("input"); input.name = "param-" + name; input.value = was.value;
      var select = document.createElement("select"); select.setAttribute("aria-label", "type of $" + name);
      ["text", "number", "date", "list", "boolean"].forEach(function (t) {
        var o = document.createElement("option"); o.value = t; o.textContent = t; select.appendChild(o);
      });
      select.value = was.type;
      input.type = was.type === "date" ? "date" : "text";
      select.addEventListener("change", function () { input.type = select.value === "date" ? "date" : "text"; saveFields(); });
      input.addEventListener("input", saveFields);
      label.appendChild(input); row.appendChild(label); row.appendChild(select); fields.appendChild(row);
    });
    fields.hidden = names.length === 0;
    if (names.length) saveFields();
  }
  var fieldTimer = null;
  editor.on("change", function () {
    clearTimeout(fieldTimer); fieldTimer = setTimeout(showFields, 250);
    document.getElementById("plan").hidden = true;  // a plan belongs to the query it explained
    document.getElementById("plan-warnings").hidden = true;
  });
  showFields();

  function showError(body) {
    var err = document.getElementById("console-error");
    var msg = body.error.message;
    if (body.error.hint) msg += (/[.!?]$/.test(msg) ? " " : ". ") + body.error.hint;
    err.textContent = msg; err.hidden = false;
  }
  function currentParams() {
    if (!fields.hidden) return fromFields();
    return JSON.parse(paramsBox.value || "{}");
  }
  function post(url, cypher, params) {
    return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" },
                        body: JSON.stringify({ cypher: cypher, params: params }) })
      .then(function (r) { return r.json(); });
  }
  function renderPlan(node) {
    var li = document.createElement("li");
    var op = document.createElement("strong"); op.textContent = node.operator; li.appendChild(op);
    if (node.estimated_rows !== null) {
      var rows = document.createElement("span"); rows.className = "muted";
      rows.textContent = " ~" + node.estimated_rows.toLocaleString("en") + " rows"; li.appendChild(rows);
    }
    if (node.details) { var d = document.createElement("code"); d.textContent = " " + node.details; li.appendChild(d); }
    if (node.children.length) {
      var ul = document.createElement("ul");
      node.children.forEach(function (c) { ul.appendChild(renderPlan(c)); });
      li.appendChild(ul);
    }
    return li;
  }
  function prepare() {
    clearTimeout(fieldTimer); showFields();  // the fields of the query as it is now
    document.getElementById("console-error").hidden = true;
    document.getElementById("plan-warnings").hidden = true;
    try { return { cypher: editor.getValue(), params: currentParams() }; }
    catch (e) {
      showError({ error: { message: "Parameters: " + e.message } });
      return null;
    }
  }
  function explain() {
    var q = prepare(); if (!q) return;
    post("/query/plan.json", q.cypher, q.params).then(function (body) {
      if (body.error) { showError(body); return; }
      var box = document.getElementById("plan"), tree = box.querySelector(".plan-tree");
      tree.innerHTML = ""; tree.appendChild(renderPlan(body.plan)); box.hidden = false;
      warn(body.warnings, false);
    });
  }
  function warn(list, offerRun) {
    var box = document.getElementById("plan-warnings"), ul = box.querySelector("ul");
    ul.innerHTML = "";
    list.forEach(function (w) { var li = document.createElement("li"); li.textContent = w; ul.appendChild(li); });
    box.querySelector("#run-anyway").hidden = !offerRun;
    box.hidden = list.length === 0;
  }
  function run(confirmed) {
    var q = prepare(); if (!q) return;
    var status = document.getElementById("console-status");
    var working = document.querySelector("#console .working");
    working.hidden = false;
    var check = confirmed === true ? Promise.resolve({ warnings: [] })
                                   : post("/query/plan.json", q.cypher, q.params);
    check.then(function (plan) {
      // A query the plan step refuses is still sent, so its refusal is the run's own answer
      // and goes into the history.
      if (plan.error) return post("/query.json", q.cypher, q.params);
      if (plan.warnings.length) { working.hidden = true; warn(plan.warnings, true); return null; }
      return post("/query.json", q.cypher, q.params);
    }).then(function (body) {
      if (!body) return;
      working.hidden = true;
      if (body.error) { showError(body); showHistory(); return; }
      last = body;
      showHistory();
      status.textContent = body.rows.length + " row(s)" + (body.cut === "bytes" ? ", cut at the answer size cap" : body.truncated ? ", truncated at the row cap" : "");
      renderTable(body); renderGraph(body);
      document.getElementById("download-csv").disabled = false;
      document.getElementById("download-json").disabled = false;
      document.getElementById("download-graphml").disabled = !body.graph.nodes.length;
    });
  }
  function renderTable(body) {
    var t = document.createElement("table"); t.id = "result-table";
    var head = t.createTHead().insertRow();
    body.columns.forEach(function (c) { var th = document.createElement("th"); th.textContent = c; head.appendChild(th); });
    var tb = t.createTBody();
    body.rows.forEach(function (row) {
      var tr = tb.insertRow();
      row.forEach(function (v) {
        var td = tr.insertCell(); td.textContent = vnCell(v);
        if (v && typeof v === "object") { td.title = vnCell(v, true); }
      });
    });
    var box = document.getElementById("console-table"); box.innerHTML = ""; box.appendChild(t);
  }
  function renderGraph(body) {
    var box = document.getElementById("console-graph");
    document.getElementById("console-graph-tip").hidden = true;
    document.getElementById("console-graph-note").hidden = true;
    if (!body.graph.nodes.length) { box.hidden = true; return; }
    box.hidden = false; box.innerHTML = "";
    var els = body.graph.nodes.map(function (n) {
      var label = n.labels[0] || "";
      var id = n.properties.id;
      return { data: { id: n.id, name: n.properties.name || id || label, label: label,
                       url: id ? "/" + ({Actor: "actors", Product: "products", Component: "components", Agreement: "agreements", Funding: "fundings", Decision: "decisions"}[label] || "entities") + "/" + encodeURIComponent(id) : null } };
    }).concat(body.graph.edges.map(function (e) {
      return { data: { id: e.id, source: e.source, target: e.target, type: e.type },
               classes: e.added ? "added" : "" };
    }));
    var byId = {};
    body.graph.nodes.forEach(function (n) { byId[n.id] = n; });
    body.graph.edges.forEach(function (e) { byId[e.id] = e; });
    var cy = vnCytoscape(box, els);
    cy.style().selector("edge.added").style({ "line-style": "dashed" }).update();
    var tip = document.getElementById("console-graph-tip");
    cy.on("mouseover", "node, edge", function (evt) {
      var x = byId[evt.target.id()];
      tip.textContent = x.labels ? "(:" + x.labels.join(":") + " " + vnProps(x.properties) + ")"
        : "[:" + x.type + " " + vnProps(x.properties) + "]" + (x.added ? " (not in the answer: drawn because it links two returned nodes)" : "");
      tip.hidden = false;
    });
    cy.on("tap", "node", function (evt) { var u = evt.target.data("url"); if (u) { window.location.href = u; } });
    box.dataset.nodes = String(body.graph.nodes.length);
    box.dataset.edges = String(body.graph.edges.length);
    var links = body.graph.links || {};
    var note = document.getElementById("console-graph-note");
    note.textContent = links.skipped ? "More than 500 nodes: the relationships among them that the query did not return are not drawn."
      : links.added ? links.added + " relationship(s) among the returned nodes that the query did not return are drawn dashed" + (links.cut ? " (the first 2,000)" : "") + "."
      : "";
    note.hidden = !note.textContent;
  }
  function download(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name; document.body.appendChild(a); a.click(); a.remove();
  }
  document.getElementById("run").addEventListener("click", function () { run(false); });
  document.getElementById("run-anyway").addEventListener("click", function () { run(true); });
  document.getElementById("explain").addEventListener("click", explain);
  document.getElementById("download-json").addEventListener("click", function () {
    download("result.json", "application/json", JSON.stringify(last, null, 2));
  });
  document.getElementById("download-graphml").addEventListener("click", function () {
    // The nodes and relationships of the answer as GraphML: labels and type as attributes,
    // properties as one JSON text each (GraphML has no nested values).
    function x(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
    var out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '  <key id="labels" for="node" attr.name="labels" attr.type="string"/>',
      '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
      '  <key id="properties" for="all" attr.name="properties" attr.type="string"/>',
      '  <graph id="answer" edgedefault="directed">'];
    last.graph.nodes.forEach(function (n) {
      out.push('    <node id="' + x(n.id) + '"><data key="labels">' + x(n.labels.join(":")) +
               '</data><data key="properties">' + x(JSON.stringify(n.properties)) + '</data></node>');
    });
    last.graph.edges.filter(function (e) { return !e.added; }).forEach(function (e) {
      out.push('    <edge id="' + x(e.id) + '" source="' + x(e.source) + '" target="' + x(e.target) +
               '"><data key="type">' + x(e.type) + '</data><data key="properties">' +
               x(JSON.stringify(e.properties)) + '</data></edge>');
    });
    out.push("  </graph>", "</graphml>");
    download("result.graphml", "application/graphml+xml", out.join("\n") + "\n");
  });
  document.getElementById("download-csv").addEventListener("click", function () {
    function q(s) { s = vnCell(s, true); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
    var lines = [last.columns.map(q).join(",")].concat(last.rows.map(function (r) { return r.map(q).join(","); }));
    download("result.csv", "text/csv", lines.join("\n") + "\n");
  });
  var saveForm = document.getElementById("save-form");
  if (saveForm) {
    saveForm.addEventListener("submit", function (e) {
      e.preventDefault();
      var status = document.getElementById("save-status");
      var params;
      try { params = JSON.stringify(currentParams()); } catch (err) {
        status.textContent = "The parameters are not JSON: " + err.message; status.className = "error"; return;
      }
      fetch("/queries.json", { method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": vnCsrf() },
        body: JSON.stringify({ name: document.getElementById("save-name").value,
                               description: document.getElementById("save-description").value,
                               cypher: editor.getValue(), params: params,
                               replace: document.getElementById("save-replace").checked }) })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (res) {
          status.textContent = "";
          if (!res.ok) {
            var msg = res.body.error ? res.body.error.message : "not saved";
            if (res.body.error && res.body.error.hint) msg += ". " + res.body.error.hint;
            status.textContent = msg; status.className = "error"; return;
          }
          status.className = "";
          status.append("Saved: ");
          var a = document.createElement("a");
          a.href = "/queries/" + encodeURIComponent(res.body.name); a.textContent = res.body.name;
          status.append(a, " (share this link; anyone can run it).");
        });
    });
  }
  showHistory();
  if (new URLSearchParams(window.location.search).get("run") === "1") { run(false); }
}

// Start what the page has: no page carries inline script, so the panel's Content-Security-Policy
// can forbid it.
document.addEventListener("DOMContentLoaded", function () {
  var graph = document.getElementById("graph");
  if (graph) { vnGraph(Number(graph.dataset.depth) || 1); }
  if (document.getElementById("cypher")) { vnConsole(); }
  var report = document.getElementById("audit-report");
  if (report) {
    var ready = function () {
      var s = document.getElementById("audit-status");
      s.textContent = "Audit ready."; s.className = "muted";
    };
    report.addEventListener("load", ready);
    try {
      if (report.contentDocument && report.contentDocument.readyState === "complete"
          && report.contentDocument.body && report.contentDocument.body.childElementCount) { ready(); }
    } catch (e) { /* not loaded yet */ }
  }
});

// Reference pickers: an input with data-pick="actors,components" suggests records whose id or
// name contains what is typed (from /pick.json); one with data-add-to="FIELD" adds the chosen
// id as a new line of that field's list. Without JavaScript, ids are typed by hand.
function vnPickers() {
  document.querySelectorAll("input[data-pick]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null, asked = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === asked) { return; }
        asked = q;
        fetch("/pick.json?kind=" + encodeURIComponent(input.dataset.pick) + "&q=" + encodeURIComponent(q),
              { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (data) {
            if (!list) { return; }
            list.replaceChildren();
            data.items.forEach(function (item) {
              var o = document.createElement("option");
              o.value = item.id;
              o.label = item.name + " (" + item.kind + ")";
              list.appendChild(o);
            });
          });
      }, 120);
    });
    if (input.dataset.addTo) {
      input.addEventListener("change", function () {
        var target = input.form.querySelector("[name='" + input.dataset.addTo + "']");
        var v = input.value.trim();
        if (!target || !v) { return; }
        var items = target.value.split(/[;\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
        if (items.indexOf(v) < 0) { items.push(v); }
        target.value = items.join("\n");
        input.value = "";
      });
    }
  });
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
}
document.addEventListener("DOMContentLoaded", vnPickers);

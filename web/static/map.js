// The network map (/map): the whole network from /map.json, drawn by sigma.js (WebGL) and laid
// out by ForceAtlas2 in short steps between frames, so the page stays responsive. Colour by
// kind or risk level, filters by kind and level, find a node, click one to focus on it and
// its neighbours, expand the neighbours of one the map left out. No inline script: the
// panel's Content-Security-Policy forbids it.
(function () {
  var box = document.getElementById("network-map");
  if (!box || !window.vnMap) { return; }
  var KINDS = { Actor: "#2c5d8a", Product: "#1a9850", Component: "#d73027", Agreement: "#984ea3",
                Funding: "#ff7f00", Decision: "#a6761d" };
  var LEVELS = { critical: "#b2182b", high: "#ef8a62", medium: "#d9b23a", low: "#67a9cf" };
  var UNKNOWN = "#999999";
  var EDGE = "rgba(120, 132, 150, 0.3)";
  var status = document.getElementById("map-status");
  var graph = new window.vnMap.Graph({ multi: false, type: "directed" });
  var hiddenKinds = {}, hiddenLevels = {}, colourBy = "kind", focus = null, focusSet = null;
  var renderer = null, layoutSteps = 0;

  // Twelve distinct colours for the largest communities; the rest share grey.
  var CLUSTERS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                  "#17becf", "#bcbd22", "#393b79", "#637939", "#843c39"];
  var clusterColour = null;  // community -> colour, computed the first time it is asked for
  function colour(attrs) {
    if (colourBy === "risk") { return attrs.kind === "Component" ? (LEVELS[attrs.level] || UNKNOWN) : "#c9ced6"; }
    if (colourBy === "cluster") { return (clusterColour && clusterColour[attrs.community]) || "#b8bec7"; }
    return KINDS[attrs.kind] || UNKNOWN;
  }
  function clusters() {
    // Louvain communities of the drawn network (as undirected): records that link more among
    // themselves than to the rest. The twelve largest get a colour each.
    if (clusterColour) { return; }
    var undirected = new window.vnMap.Graph({ type: "undirected", multi: false });
    graph.forEachNode(function (id) { undirected.addNode(id); });
    graph.forEachEdge(function (e, a, s, t) { if (s !== t && !undirected.hasEdge(s, t)) { undirected.addEdge(s, t); } });
    var found = window.vnMap.louvain(undirected);
    var sizes = {};
    Object.keys(found).forEach(function (id) { sizes[found[id]] = (sizes[found[id]] || 0) + 1; });
    var ranked = Object.keys(sizes).sort(function (a, b) { return sizes[b] - sizes[a]; });
    clusterColour = {};
    ranked.slice(0, CLUSTERS.length).forEach(function (c, i) { clusterColour[c] = CLUSTERS[i]; });
    graph.forEachNode(function (id) { graph.setNodeAttribute(id, "community", found[id]); });
    box.dataset.clusters = String(ranked.length);
    document.getElementById("map-find-result").textContent = ranked.length.toLocaleString() +
      " clusters (Louvain communities); the " + Math.min(ranked.length, CLUSTERS.length) + " largest are coloured, the rest grey.";
  }
  function visible(attrs) {
    if (hiddenKinds[attrs.kind]) { return false; }
    if (attrs.kind === "Component" && hiddenLevels[attrs.level || "unknown"]) { return false; }
    return true;
  }
  var filtering = false;  // any kind or level hidden
  function filtersChanged() {
    filtering = Object.keys(hiddenKinds).some(function (k) { return hiddenKinds[k]; }) ||
      Object.keys(hiddenLevels).some(function (k) { return hiddenLevels[k]; });
    renderer.refresh();
  }
  function addNode(n, near) {
    if (graph.hasNode(n.id)) { return false; }
    var angle = Math.random() * 2 * Math.PI, r = near ? 1 : 10 + Math.random() * 100;
    var x = near ? near.x + r * Math.cos(angle) : r * Math.cos(angle);
    var y = near ? near.y + r * Math.sin(angle) : r * Math.sin(angle);
    graph.addNode(n.id, { x: x, y: y, size: 3, kind: n.label, label: n.name, title: n.name,
                          url: n.url, level: n.level || null, score: n.score, shared: n.shared,
                          hollow: n.hollow_core });
    graph.setNodeAttribute(n.id, "color", colour(graph.getNodeAttributes(n.id)));
    return true;
  }
  function addEdge(e) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) { return; }
    if (graph.hasEdge(e.source, e.target)) { return; }
    graph.addEdge(e.source, e.target, { kind: e.type, size: 0.6, color: EDGE });
  }
  function sizes() {
    graph.forEachNode(function (id) { graph.setNodeAttribute(id, "size", 3 + Math.min(14, Math.sqrt(graph.degree(id)))); });
  }
  function legend(counts) {
    var kinds = document.getElementById("map-kinds");
    Object.keys(KINDS).forEach(function (k) {
      var label = document.createElement("label");
      var cb = document.createElement("input"); cb.type = "checkbox"; cb.checked = true; cb.value = k;
      cb.addEventListener("change", function () { hiddenKinds[k] = !cb.checked; filtersChanged(); });
      var sw = document.createElement("span"); sw.className = "swatch"; sw.style.background = KINDS[k];
      var drawn = 0;
      graph.forEachNode(function (id, a) { if (a.kind === k) { drawn += 1; } });
      var total = counts[k] || 0;
      label.append(cb, " ", sw, k + " (" + (drawn === total ? total.toLocaleString()
        : drawn.toLocaleString() + " of " + total.toLocaleString()) + ")");
      kinds.appendChild(label);
    });
    var levels = document.getElementById("map-levels");
    ["critical", "high", "medium", "low", "unknown"].forEach(function (l) {
      var n = 0;
      graph.forEachNode(function (id, a) { if (a.kind === "Component" && (a.level || "unknown") === l) { n += 1; } });
      var label = document.createElement("label");
      var cb = document.createElement("input"); cb.type = "checkbox"; cb.checked = true; cb.value = l;
      cb.addEventListener("change", function () { hiddenLevels[l] = !cb.checked; filtersChanged(); });
      var sw = document.createElement("span"); sw.className = "swatch"; sw.style.background = LEVELS[l] || UNKNOWN;
      label.append(cb, " ", sw, l + " (" + n.toLocaleString() + ")");
      levels.appendChild(label);
    });
  }
  function show(id) {
    focus = id;
    focusSet = {}; focusSet[id] = true;
    graph.forEachNeighbor(id, function (n) { focusSet[n] = true; });
    var a = graph.getNodeAttributes(id);
    document.getElementById("map-details").hidden = false;
    document.getElementById("map-details-name").textContent = a.title;
    document.getElementById("map-details-facts").textContent = a.kind + " " + id +
      (a.kind === "Component" ? (a.level ? ", risk " + a.score + " (" + a.level + ")" : ", risk unknown") +
        (a.hollow ? ", a hollow core" : "") : "") + "; " + graph.degree(id) + " relationship(s) drawn.";
    document.getElementById("map-details-open").href = a.url;
    box.dataset.focus = id;
    renderer.refresh();
  }
  function clear() {
    focus = null; focusSet = null; delete box.dataset.focus;
    document.getElementById("map-details").hidden = true;
    renderer.refresh();
  }
  function find(text) {
    var q = text.trim().toLowerCase(), hit = null;
    if (!q) { return null; }
    if (graph.hasNode(text.trim())) { return text.trim(); }
    graph.someNode(function (id, a) {
      if (id.toLowerCase() === q || (a.title || "").toLowerCase() === q) { hit = id; return true; }
      return false;
    });
    if (!hit) {
      graph.someNode(function (id, a) {
        if (id.toLowerCase().indexOf(q) >= 0 || (a.title || "").toLowerCase().indexOf(q) >= 0) { hit = id; return true; }
        return false;
      });
    }
    return hit;
  }
  function centre(id) {
    var pos = renderer.getNodeDisplayData(id);
    if (pos) { renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.25 }, { duration: 400 }); }
  }
  function expand(id) {
    // The neighbours of a node, including those the map left out (from /graph.json).
    var at = graph.getNodeAttributes(id);
    return fetch("/graph.json?depth=1&id=" + encodeURIComponent(id)).then(function (r) { return r.json(); })
      .then(function (g) {
        var added = 0;
        (g.nodes || []).forEach(function (n) { if (addNode({ id: n.id, label: n.label, name: n.name, url: n.url }, at)) { added += 1; } });
        (g.edges || []).forEach(addEdge);
        sizes();
        document.getElementById("map-find-result").textContent = added ? added + " neighbour(s) added to the map." : "Every neighbour is already on the map.";
        box.dataset.nodes = String(graph.order);
        show(id);
      });
  }
  function layout(total, done) {
    // ForceAtlas2 before the first drawing, a few iterations at a time between tasks, so the
    // page stays responsive and says how far it is (drawing every step would redraw the
    // whole network each time).
    var settings = window.vnMap.forceAtlas2.inferSettings(graph);
    settings.barnesHutOptimize = graph.order > 1000;
    var per = graph.order > 5000 ? 2 : graph.order > 1000 ? 5 : 25;
    var started = performance.now();
    function step() {
      window.vnMap.forceAtlas2.assign(graph, { iterations: per, settings: settings });
      layoutSteps += per;
      status.textContent = "Laying out " + graph.order.toLocaleString() + " records: " +
        Math.round(100 * layoutSteps / total) + "%";
      if (layoutSteps < total) { setTimeout(step, 0); return; }
      box.dataset.layoutMs = String(Math.round(performance.now() - started));
      done();
    }
    setTimeout(step, 0);
  }
  document.getElementById("map-colour").addEventListener("change", function (e) {
    colourBy = e.target.value;
    if (colourBy === "cluster") { clusters(); }
    graph.forEachNode(function (id, a) { graph.setNodeAttribute(id, "color", colour(a)); });
    box.dataset.colour = colourBy;
  });
  document.getElementById("map-clear").addEventListener("click", clear);
  document.getElementById("map-expand").addEventListener("click", function () { if (focus) { expand(focus); } });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && focus) { clear(); } });
  document.getElementById("map-search").addEventListener("submit", function (e) {
    e.preventDefault();
    var text = document.getElementById("map-find").value;
    var result = document.getElementById("map-find-result");
    var id = find(text);
    if (id) { result.textContent = ""; show(id); centre(id); return; }
    // Not on the map (left out past the node limit, or no such record): ask the server.
    fetch("/graph.json?depth=1&id=" + encodeURIComponent(text.trim())).then(function (r) {
      if (!r.ok) { result.textContent = "Nothing on the map or in the knowledge base matches \u201c" + text + "\u201d."; return null; }
      return r.json();
    }).then(function (g) {
      if (!g) { return; }
      g.nodes.forEach(function (n) { addNode({ id: n.id, label: n.label, name: n.name, url: n.url }); });
      g.edges.forEach(addEdge);
      sizes(); box.dataset.nodes = String(graph.order);
      result.textContent = "Added from the knowledge base: it was left out of the map.";
      show(g.id); centre(g.id);
    });
  });

  var params = new URLSearchParams(window.location.search);
  params.set("as_of", box.dataset.asOf); params.set("max_nodes", box.dataset.maxNodes);
  fetch("/map.json?" + params.toString()).then(function (r) { return r.json(); }).then(function (data) {
    if (data.error) { status.textContent = data.error.message; status.className = "error"; return; }
    data.nodes.forEach(function (n) { addNode(n); });
    data.edges.forEach(addEdge);
    sizes();
    layout(graph.order > 5000 ? 100 : graph.order > 1000 ? 200 : 400, function () {
      renderer = new window.vnMap.Sigma(graph, box, {
        renderEdgeLabels: false, labelRenderedSizeThreshold: 6,
        // Past a thousand records: plain lines, and no edges or labels while the view
        // moves, so that panning and zooming stay fluid.
        defaultEdgeType: graph.order > 1000 ? "line" : "arrow",
        hideEdgesOnMove: graph.order > 1000, hideLabelsOnMove: graph.order > 1000,
        nodeReducer: function (id, a) {
          if (!filtering && !focusSet) { return a; }  // the usual case: colours set below
          var out = { x: a.x, y: a.y, size: a.size, label: a.label, color: a.color };
          if (!visible(a)) { out.hidden = true; }
          if (focusSet && !focusSet[id]) { out.color = "#e3e6ea"; out.label = ""; }
          if (focus === id) { out.highlighted = true; }
          return out;
        },
        edgeReducer: function (id, a) {
          if (!filtering && !focusSet) { return a; }
          var ends = graph.extremities(id);
          var s = graph.getNodeAttributes(ends[0]), t = graph.getNodeAttributes(ends[1]);
          if (!visible(s) || !visible(t)) { return { hidden: true }; }
          if (focusSet && !(focusSet[ends[0]] && focusSet[ends[1]])) { return { hidden: true }; }
          return { size: a.size, color: focusSet ? "#7a8594" : a.color };
        }
      });
      window.vnMapView = renderer;  // for the browser tests and the curious
      renderer.on("clickNode", function (e) { show(e.node); });
      renderer.on("clickStage", clear);
      legend(data.counts);
      box.dataset.nodes = String(graph.order);
      box.dataset.edges = String(graph.size);
      status.textContent = data.drawn.toLocaleString() + " of " + data.total.toLocaleString() +
        " records and " + data.edges.length.toLocaleString() + " relationships drawn.";
      status.className = "muted";
      var left = Object.keys(data.left_out);
      if (left.length || data.edges_cut) {
        var cut = document.getElementById("map-cut");
        cut.textContent = (left.length ? "Past " + data.max_nodes.toLocaleString() + " records the map leaves out the least urgent: " +
          left.map(function (k) { return data.left_out[k].toLocaleString() + " " + k.toLowerCase() + "(s)"; }).join(", ") +
          " (find one by its id, or expand a neighbour, to add it)." : "") +
          (data.edges_cut ? " Only the first 200,000 relationships are drawn." : "");
        cut.hidden = false;
      }
      box.dataset.layout = "done";
    });
  });
})();

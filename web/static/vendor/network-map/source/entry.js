// The panel's network map: sigma.js (WebGL) draws a graphology graph laid out by
// ForceAtlas2, run in short steps between frames (web/static/map.js), and coloured, on
// request, by the communities Louvain finds. Exposed as window.vnMap. (The layout's own web
// worker is left out: it starts from a blob: URL, which the panel's Content-Security-Policy
// does not allow.)
import Graph from "graphology";
import Sigma from "sigma";
import forceAtlas2 from "graphology-layout-forceatlas2";
import louvain from "graphology-communities-louvain";

window.vnMap = { Graph, Sigma, forceAtlas2, louvain };

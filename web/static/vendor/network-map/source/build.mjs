import * as esbuild from "esbuild";
await esbuild.build({ entryPoints: ["entry.js"], bundle: true, minify: true, format: "iife",
  outfile: process.env.OUT || "dist/network-map.js", legalComments: "eof", target: ["es2019"] });

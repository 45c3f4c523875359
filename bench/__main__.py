"""Run the benchmark harness."""

from bench.harness import main

main()

"""The `kb` command line (`kb.cli.main:main`); one module per group of commands."""

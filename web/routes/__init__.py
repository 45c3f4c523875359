"""One router per area of the panel.

Each page is two routes on one handler: the page and its JSON twin (`.json`). The twin's
decorator comes last, so that it registers first: a route like `/components/{id:path}` would
otherwise also match `/components/x.json` and look for a component named `x.json`.
"""

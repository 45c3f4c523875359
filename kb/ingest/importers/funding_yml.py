"""GitHub FUNDING.yml: the channels through which a repository accepts money."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kb.ingest.importers import (
    Context,
    ImportFailed,
    document,
    read_yaml,
    repo_url,
    with_channels,
)
from kb.ingest.importers.shape import check

NAME = "funding-yml"
SUMMARY = "GitHub FUNDING.yml: declared funding channels of one repository (--map component=URL)"
TELLS = ("Where money can be given to a repository (GitHub Sponsors, Open Collective, "
         "Tidelift, Patreon, custom URLs...), recorded as the component's "
         "`funding_channels`. A channel says that money can be given, not that it is: it never "
         "makes a component funded. The component keeps everything else it had.")
COVERS = ('Nothing: a channel says that money can be given, not that it is, so funding stays '
          'unknown.')
URLS = {
    "github": "https://github.com/sponsors/{}", "patreon": "https://www.patreon.com/{}",
    "open_collective": "https://opencollective.com/{}", "ko_fi": "https://ko-fi.com/{}",
    "tidelift": "https://tidelift.com/funding/github/{}", "liberapay": "https://liberapay.com/{}",
    "issuehunt": "https://issuehunt.io/r/{}", "polar": "https://polar.sh/{}",
    "buy_me_a_coffee": "https://buymeacoffee.com/{}", "thanks_dev": "https://thanks.dev/{}",
    "community_bridge": "https://funding.communitybridge.org/projects/{}",
    "lfx_crowdfunding": "https://crowdfunding.lfx.linuxfoundation.org/projects/{}",
    "otechie": "https://otechie.com/{}", "custom": "{}",
}


def channels(data: dict[str, Any]) -> list[str]:
    """The channels of a parsed FUNDING.yml, as URLs."""
    out = []
    for key, value in data.items():
        if key not in URLS or value in (None, ""):
            continue
        for v in value if isinstance(value, list) else [value]:
            out.append(URLS[key].format(str(v).strip()))
    return sorted(set(out))


def transform(path: Path, ctx: Context) -> dict[str, Any]:
    """The component (given with --component) with its funding channels added."""
    data = read_yaml(path, "a FUNDING.yml")
    if not isinstance(data, dict) or not set(data) & set(URLS):
        raise ImportFailed(f"{path}: not a FUNDING.yml (none of the keys "
                           f"{', '.join(sorted(URLS))})")
    check(path, data, {key: (str, [str]) for key in URLS}, "a FUNDING.yml")
    unknown = sorted(set(data) - set(URLS))
    if unknown:
        ctx.notes.append(f"{path}: ignored unknown key(s) {', '.join(unknown)}")
    target = ctx.mapping.get("component") or ctx.product
    if not target:
        raise ImportFailed(f"{path}: say which repository it belongs to: "
                           "--map component=https://github.com/OWNER/REPO")
    cid = (repo_url(target) or target) if target.startswith(("http", "git")) else target
    record = with_channels(ctx, {"id": cid, "name": cid.rsplit("/", 1)[-1]}, channels(data))
    return document(f"funding-yml:{cid}", f"FUNDING.yml of {cid}", components=[record])

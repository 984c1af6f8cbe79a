"""The page around the map's data: one HTML file with vis-network, kg's scripts and
style inlined, the data as JSON, and a Content-Security-Policy that lets only those
scripts run and nothing reach the network.

pyvis' templates load Bootstrap and more from CDNs even with ``cdn_resources="in_line"``,
so the page is kg's own (kg/data/map.html); the installed pyvis package supplies
vis-network's JavaScript and CSS.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from typing import Any

VIS_VERSION = "9.1.2"
# kg's own scripts, in the order the page runs them: map.js uses the others.
SCRIPTS = ("data/timeline.js", "data/evidence.js", "data/map.js")
# kg's own files the page is made of: a change to any of them redraws a map on rebuild.
ASSETS = ("data/map.html", "data/map.css", *SCRIPTS)


def _package_text(package: str, *names: str) -> str:
    """The first of ``names`` that the installed ``package`` ships, read as text."""
    root = resources.files(package)
    found = next((root.joinpath(name) for name in names if root.joinpath(name).is_file()),
                 None)
    if found is None:
        raise FileNotFoundError(f"{package} ships none of {', '.join(names)}")
    text = found.read_text(encoding="utf-8")
    # The HTML parser turns CRLF into LF before CSP hashes the script, so hash LF text.
    return text.replace("\r\n", "\n")


def _inline_script(text: str) -> str:
    # A source map comment would make an open DevTools fetch a file next to the page.
    text = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)
    if re.search(r"</script|<!--", text, re.IGNORECASE):
        raise ValueError("script text would end or confuse its <script> element")
    return text


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or break a JavaScript parser."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def map_page(payload: dict[str, Any], title: str) -> str:
    """The map's HTML: kg/data/map.html with the data, scripts and styles inlined."""
    # pyvis ships vis-network twice, under lib/ and under templates/lib/.
    vis = [f"{folder}/vis-{VIS_VERSION}/vis-network" for folder in ("lib", "templates/lib")]
    scripts = [_inline_script(_package_text("pyvis", *(f"{name}.min.js" for name in vis)))]
    scripts += [_inline_script(_package_text("kg", name)) for name in SCRIPTS]
    styles = [_package_text("pyvis", *(f"{name}.css" for name in vis)),
              _package_text("kg", "data/map.css")]
    if any("</style" in style.lower() for style in styles):
        raise ValueError("style text would end its <style> element")
    # Only these scripts may run: an injected one would fail its hash, and with
    # default-src 'none' nothing the page does can reach the network.
    policy = ("default-src 'none'; script-src " + " ".join(map(_csp_hash, scripts))
              + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
              "form-action 'none'")
    # The page around the scripts, kg/data/map.html: its only braces are these fields.
    return _package_text("kg", "data/map.html").format(
        csp=html.escape(policy), title=html.escape(title), styles="\n".join(styles),
        data=script_json(payload),
        scripts="\n".join(f"<script>{script}</script>" for script in scripts))

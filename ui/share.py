"""“Link naar deze weergave”: copy the address of the view and say so.

Every choice on a comparison page lives in the address (see :mod:`ui.url_state`), so the
address is the view. A small constant HTML button with a script (no data in it, nothing
loaded from elsewhere) copies ``window.location.href`` with the Clipboard API, or with the
older copy command where that is not allowed (a plain-http address on a network), and
says whether it worked.
"""

from __future__ import annotations

import streamlit as st

SHARE_LABEL = "🔗 Link naar deze weergave"
COPIED = "✓ Link gekopieerd"
NOT_COPIED = "Kopiëren lukte niet: kopieer het adres uit de adresbalk."

_SHARE_HTML = """
<style>
.gli-share { display: flex; align-items: center; gap: .5rem; flex-wrap: wrap; }
.gli-share button { font: inherit; color: inherit; background: #fff; border: 1px solid rgba(49, 51, 63, .2);
  border-radius: .5rem; padding: .25rem .75rem; cursor: pointer; white-space: nowrap; }
.gli-share button:hover, .gli-share button:focus-visible { border-color: #ff4b4b; color: #ff4b4b; }
.gli-share .gli-share-status { color: #1e7d32; }
</style>
<div class="gli-share">
  <button type="button" title="Kopieert het adres van deze pagina met alle keuzes: wie het opent, ziet hetzelfde."
  >@LABEL@</button><span class="gli-share-status" role="status" aria-live="polite"></span>
</div>
<script>
(() => {
  const copyByCommand = (text) => {
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    field.remove();
    return ok;
  };
  for (const box of document.querySelectorAll(".gli-share:not([data-ready])")) {
    box.dataset.ready = "1";
    const status = box.querySelector(".gli-share-status");
    box.querySelector("button").addEventListener("click", async () => {
      const address = window.location.href;
      let ok = false;
      try { await navigator.clipboard.writeText(address); ok = true; } catch (e) { ok = copyByCommand(address); }
      status.textContent = ok ? "@COPIED@" : "@NOT_COPIED@";
      box.dataset.copied = ok ? "yes" : "no";
      clearTimeout(box.gliTimer);
      box.gliTimer = setTimeout(() => { status.textContent = ""; }, 6000);
    });
  }
})();
</script>
""".replace("@LABEL@", SHARE_LABEL).replace("@COPIED@", COPIED).replace("@NOT_COPIED@", NOT_COPIED)


def share_link() -> None:
    """The button that copies the address of this view."""
    st.html(_SHARE_HTML, width="content", unsafe_allow_javascript=True)

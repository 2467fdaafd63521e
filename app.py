"""Router and frame: page config, the controls every page shares, and the list of pages.

Pages live in views/, not pages/: Streamlit still auto-discovers a pages/ folder, and a shared link
to a sub-page opened first on a fresh server would then skip this frame (see README).
"""

import streamlit as st

from metro_poverty.ui import cache, frame, pages, presentation, url, warmup

st.set_page_config(page_title="Kemiskinan Kota Metro", page_icon=frame.FAVICON, layout="wide")
url.begin()
page = pages.navigation(frame.lang_before_controls())
presentation.follow()
url.enter(page.url_path)
frame.compact_layout()
frame.ensure_store()
warmup.follow(cache.pin_snapshot())  # every query of this rerun reads this one store file; a new one is warmed
lang, _ = frame.shared_controls(page)
presentation.apply(lang, page.url_path)
url.enter_page()
page.run()
frame.footer()
url.publish()

"""Router and frame: page config, the controls every page shares, and the list of pages.

Pages live in views/, not pages/: Streamlit still auto-discovers a pages/ folder, and a shared link
to a sub-page opened first on a fresh server would then skip this frame (see README).
"""

import streamlit as st

from metro_poverty.i18n import t
from metro_poverty.ui import frame, url

st.set_page_config(page_title="Kemiskinan Kota Metro", page_icon=":material/insights:", layout="wide")
url.begin()
frame.compact_layout()
frame.ensure_store()
lang, _ = frame.shared_controls()

pages = {
    t("nav.section_main", lang): [
        st.Page("views/overview.py", title=t("nav.overview", lang), icon=":material/dashboard:", url_path="ringkasan", default=True),
    ],
    t("nav.dim.section", lang): [
        st.Page("views/dimension_income.py", title=t("nav.dim.income", lang), icon=":material/payments:", url_path="pendapatan"),
        st.Page("views/dimension_education.py", title=t("nav.dim.education", lang), icon=":material/school:", url_path="pendidikan"),
        st.Page("views/dimension_health.py", title=t("nav.dim.health", lang), icon=":material/health_and_safety:", url_path="kesehatan"),
        st.Page("views/dimension_basic_services.py", title=t("nav.dim.basic_services", lang), icon=":material/water_drop:",
                url_path="layanan-dasar"),
        st.Page("views/region_profile.py", title=t("nav.dim.profile", lang), icon=":material/location_city:", url_path="profil-wilayah"),
        st.Page("views/scenario.py", title=t("nav.scenario.title", lang), icon=":material/tune:", url_path="simulasi"),
    ],
    t("nav.fgd.section", lang): [
        st.Page("views/catalogue.py", title=t("nav.fgd.catalogue", lang), icon=":material/menu_book:", url_path="konsep-definisi"),
    ],
    t("nav.more.section", lang): [
        st.Page("views/data_sources.py", title=t("nav.more.sources", lang), icon=":material/source:", url_path="sumber-data"),
    ],
}
page = st.navigation(pages)
url.enter(page.url_path)
page.run()
frame.footer()
url.publish()

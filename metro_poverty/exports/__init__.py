"""Downloads built from what a page shows: the chart as a slide image, the table as CSV or Excel with
its metadata, and a one-page city brief as PDF. No Streamlit here; every export returns bytes.

Heavy imports (vl-convert, openpyxl, fpdf2, Altair) happen inside the modules that need them, so
importing this package costs nothing on a page's hot path:

- chart_image.chart_png / chart_svg: a Vega-Lite spec dict -> slide-sized image with title, source, status badge
- tables.table_csv / table_xlsx: a table as shown -> CSV (UTF-8 with BOM) or XLSX with a Metadata sheet
- brief.city_brief_pdf: a year -> the one-page A4 brief "Potret Kemiskinan Kota Metro {year}"
- download: the same, wrapped as deferred callables with a file name and MIME type for st.download_button
"""

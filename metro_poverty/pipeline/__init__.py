"""The store build: raw files as delivered -> validated -> harmonized -> the tables pages read.

Steps, one module each: raw (read as delivered), validate (types, columns, ranges), harmonize
(region codes, units, ratios, aggregation), published (BPS figures), boundaries, build (write and swap).
"""

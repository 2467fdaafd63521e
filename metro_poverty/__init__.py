"""Poverty analytics for Kota Metro: the harmonized store, its queries, and the logic behind the pages."""

"""Boundary preparation, classification, colours and Plotly map figures.

Plain Python: this package never imports streamlit.
"""

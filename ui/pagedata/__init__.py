"""What each page shows, computed with plain functions (never imports streamlit)."""

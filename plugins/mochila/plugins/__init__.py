"""Thin mkdocs adapters: each hook turns mkdocs objects into domain input and back."""

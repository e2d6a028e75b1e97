"""Mochila: educational activities published as a website and as offline USB bundles."""

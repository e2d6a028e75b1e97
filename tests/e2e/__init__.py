"""End-to-end tests: the sample content built once, opened in Chromium as readers open it.

The public website is served over HTTP from 127.0.0.1; each offline bundle is unzipped from its
zip and opened from ``file://`` through its start page (``OPEN ME.html`` / ``ABRIR AQUÍ.html``).
Every test fails on a console error, an uncaught page error, a failed request or any request
that leaves the machine (see ``conftest.py``).
"""

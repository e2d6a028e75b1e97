"""Browser tests of the theme's scripts (theme/assets/mochila/*.js) on pages Mochila builds
(see conftest.py). A package, so its conftest does not shadow tests/conftest.py."""

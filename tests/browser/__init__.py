# A package, so that this folder's conftest.py does not shadow tests/conftest.py, which the
# other test modules import as 'conftest'.

